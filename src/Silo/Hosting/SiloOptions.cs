namespace Rides.Silo.Hosting;

/// <summary>The silo's own settings (section <c>Rides:Silo</c>); providers follow <c>ConnectionStrings:Rides</c>.</summary>
public sealed class RidesSiloOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Rides:Silo";

    /// <summary>The Orleans cluster id: silos and clients with the same id and database form one cluster (default <c>rides</c>).</summary>
    public string ClusterId { get; set; } = "rides";

    /// <summary>The Orleans service id: stays the same across deployments, as it keys stored state and reminders (default <c>rides</c>).</summary>
    public string ServiceId { get; set; } = "rides";

    /// <summary>The silo-to-silo port (default 11111).</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>The port cluster clients (edge nodes) connect to (default 30000).</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// The address this silo listens on and advertises to the cluster, e.g. <c>127.0.0.1</c> for a cluster on one
    /// machine. Unset: the host's first address, listening on every interface.
    /// </summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>
    /// Whether the silo installs (or upgrades) the PostgreSQL schema before it starts (default true). Turn it
    /// off where the database user may not create tables; then run <c>Rides.Silo install-schema</c> once per release.
    /// </summary>
    public bool InstallSchemaOnStart { get; set; } = true;
}
