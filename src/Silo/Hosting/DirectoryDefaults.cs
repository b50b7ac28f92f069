using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace Rides.Silo.Hosting;

/// <summary>
/// How many grain addresses a silo caches. Orleans' default is a million, and the cache keeps the address of every
/// grain the silo looked up until it is full: each ride adds its own id and its topics', so in the 30-minute soak a
/// single silo held 196,598 cached addresses 17 minutes in, against 34,353 live registrations, and generation 2
/// grew with them (about 235 bytes an entry, so up to some 230 MB at the default's bound). The cache is least
/// recently used: 100,000 entries (about 23 MB) hold every hot grain of a silo here (activations stayed at
/// 31,000–34,000 through the soak) and let the addresses of ended rides go. Section <c>Rides:Silo:Directory</c>
/// overrides any member of <see cref="GrainDirectoryOptions"/>.
/// </summary>
public static class DirectoryDefaults
{
    /// <summary>The configuration section that overrides these defaults.</summary>
    public const string SectionName = "Rides:Silo:Directory";

    /// <summary>The platform's bound on cached grain addresses.</summary>
    public const int CacheSize = 100_000;

    /// <summary>Applies the platform's directory settings, then the configuration's overrides.</summary>
    public static void Configure(IServiceCollection services, IConfiguration configuration) =>
        OrleansOptionDefaults.Configure<GrainDirectoryOptions>(services, configuration, SectionName, Apply);

    /// <summary>The platform's settings over Orleans' defaults.</summary>
    public static void Apply(GrainDirectoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.CacheSize = CacheSize;
    }
}
