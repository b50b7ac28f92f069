using Rides.Grains.Dispatch;
using Rides.Grains.Domain.Geo;
using Rides.Grains.Rides;

namespace Rides.Grains.Domain.Dispatch;

/// <summary>Chooses the drivers of each dispatch batch. Pure: the index entries and the time are passed in.</summary>
public sealed class DispatchPlanner(DispatchOptions options)
{
    private readonly GeoGrid _grid = new(options.CellSizeMeters);

    /// <summary>The options in use.</summary>
    public DispatchOptions Options { get; } = options;

    /// <summary>The grid of the geo-cell index.</summary>
    public GeoGrid Grid => _grid;

    /// <summary>The cells to search for batch <paramref name="round"/>.</summary>
    public IReadOnlyList<GeoCell> CellsForRound(GeoPoint pickup, int round) =>
        _grid.CellsWithin(pickup, Options.RadiusForRound(round));

    /// <summary>
    /// The nearest eligible drivers for batch <paramref name="round"/>, nearest first (ties by id),
    /// at most <see cref="DispatchOptions.BatchSize"/>: same vehicle class, within the round's
    /// radius, location not stale at <paramref name="now"/>, not in <paramref name="excluded"/>
    /// (already offered or declined). A driver listed twice counts once, at its freshest position.
    /// </summary>
    public IReadOnlyList<DispatchCandidate> SelectBatch(
        GeoPoint pickup,
        VehicleType vehicleType,
        int round,
        IEnumerable<GeoCellEntry> entries,
        IReadOnlySet<string> excluded,
        DateTimeOffset now)
    {
        var radius = Options.RadiusForRound(round);
        var freshSince = now - Options.LocationStaleAfter;
        return entries
            .Where(e => e.VehicleType == vehicleType && e.UpdatedAt >= freshSince && e.UpdatedAt <= now + TimeSpan.FromSeconds(5) && !excluded.Contains(e.DriverId))
            .GroupBy(e => e.DriverId, StringComparer.Ordinal)
            .Select(g => g.MaxBy(e => e.UpdatedAt)!)
            .Select(e => new DispatchCandidate(e.DriverId, GeoMath.DistanceMeters(pickup, new GeoPoint(e.Latitude, e.Longitude))))
            .Where(c => c.DistanceMeters <= radius)
            .OrderBy(c => c.DistanceMeters)
            .ThenBy(c => c.DriverId, StringComparer.Ordinal)
            .Take(Options.BatchSize)
            .ToList();
    }
}
