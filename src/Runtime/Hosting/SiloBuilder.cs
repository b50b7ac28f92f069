using Microsoft.Extensions.DependencyInjection;

namespace Rides.Runtime.Hosting;

/// <summary>The <see cref="ISiloBuilder"/> of <see cref="SiloServiceCollectionExtensions.AddRidesSilo"/>.</summary>
internal sealed class SiloBuilder(IServiceCollection services) : ISiloBuilder
{
    public IServiceCollection Services => services;
}
