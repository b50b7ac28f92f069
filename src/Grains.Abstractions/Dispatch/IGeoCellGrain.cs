using Orleans.Concurrency;

namespace Rides.Grains.Dispatch;

/// <summary>
/// The online, free drivers in one grid cell (about 2 km by default), keyed by the cell's key (see
/// the grid in the grains' domain). Kept in memory: drivers re-register with every location update,
/// so a lost cell refills within a second.
/// </summary>
[Alias("rides.IGeoCellGrain")]
public interface IGeoCellGrain : IGrainWithStringKey
{
    /// <summary>Adds or moves a driver into this cell.</summary>
    Task Upsert(GeoCellEntry entry);

    /// <summary>Removes a driver (offline, busy, or moved to another cell). Idempotent.</summary>
    Task Remove(string driverId);

    /// <summary>This cell's drivers that match <paramref name="search"/>, nearest first (ties by id), at most its limit.</summary>
    [ReadOnly]
    Task<IReadOnlyList<GeoCellEntry>> FindNearest(DriverSearch search);
}
