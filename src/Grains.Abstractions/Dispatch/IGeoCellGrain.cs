using Orleans.Concurrency;

namespace Rides.Grains.Dispatch;

/// <summary>
/// The online, free drivers in one grid cell of about 500 m, keyed by the cell's key (see the
/// grid in the grains' domain). Kept in memory: drivers re-register with every location update,
/// so a lost cell refills within a second.
/// </summary>
[Alias("rides.IGeoCellGrain")]
public interface IGeoCellGrain : IGrainWithStringKey
{
    /// <summary>Adds or moves a driver into this cell.</summary>
    Task Upsert(GeoCellEntry entry);

    /// <summary>Removes a driver (offline, busy, or moved to another cell). Idempotent.</summary>
    Task Remove(string driverId);

    /// <summary>The drivers whose position was reported at or after <paramref name="freshSince"/>.</summary>
    [ReadOnly]
    Task<IReadOnlyList<GeoCellEntry>> GetDrivers(DateTimeOffset freshSince);
}
