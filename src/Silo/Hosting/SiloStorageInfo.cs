namespace Rides.Silo.Hosting;

/// <summary>Which storage the host chose at start-up (for logs, health and tests).</summary>
/// <param name="Mode">In memory or PostgreSQL.</param>
public sealed record SiloStorageInfo(SiloStorageMode Mode);
