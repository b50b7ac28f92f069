using Microsoft.Extensions.DependencyInjection;

namespace Rides.Runtime.Hosting;

/// <summary>Configures a silo: its grains, providers and options (the <c>AddXxx()</c> extensions hang off this).</summary>
public interface ISiloBuilder
{
    /// <summary>The silo's services.</summary>
    IServiceCollection Services { get; }
}
