namespace Rides.Silo.Hosting;

/// <summary>What one host process runs (<c>Rides:Role</c>).</summary>
public enum HostRole
{
    /// <summary>A silo and the edge in one process: the embedded default.</summary>
    Both,

    /// <summary>Grains only: health and the dashboard over HTTP, no client protocol.</summary>
    Silo,

    /// <summary>Hub, REST and every client protocol, as an Orleans client of the silos' gateways; no grains.</summary>
    Edge,
}

/// <summary>Reads <see cref="HostRole"/> from configuration.</summary>
public static class HostRoles
{
    /// <summary>The configuration key: <c>Rides:Role</c> (<c>Rides__Role</c> in the environment, <c>--Rides:Role=edge</c> on the command line).</summary>
    public const string ConfigurationKey = "Rides:Role";

    /// <summary>The role configured, <see cref="HostRole.Both"/> when none is.</summary>
    /// <exception cref="InvalidOperationException">The value is not <c>both</c>, <c>silo</c> or <c>edge</c>.</exception>
    public static HostRole Read(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration[ConfigurationKey];
        return value?.Trim().ToLowerInvariant() switch
        {
            null or "" or "both" => HostRole.Both,
            "silo" => HostRole.Silo,
            "edge" => HostRole.Edge,
            _ => throw new InvalidOperationException($"{ConfigurationKey} is '{value}'; use both, silo or edge."),
        };
    }

    /// <summary>The role's name in logs and health answers.</summary>
    public static string Name(HostRole role) => role.ToString().ToLowerInvariant();
}
