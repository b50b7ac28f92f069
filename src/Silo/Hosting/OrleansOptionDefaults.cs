using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Rides.Silo.Hosting;

/// <summary>The platform's settings over one of Orleans' option classes, then the configuration's overrides.</summary>
internal static class OrleansOptionDefaults
{
    /// <summary>Applies <paramref name="defaults"/> to <typeparamref name="TOptions"/>, then binds section <paramref name="section"/> over them.</summary>
    public static void Configure<TOptions>(IServiceCollection services, IConfiguration configuration, string section, Action<TOptions> defaults)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TOptions>()
            .Configure(defaults)
            .Bind(configuration.GetSection(section));
    }
}
