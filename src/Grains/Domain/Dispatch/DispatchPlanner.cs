using Rides.Grains.Dispatch;
using Rides.Grains.Domain.Geo;
using Rides.Grains.Rides;

namespace Rides.Grains.Domain.Dispatch;

/// <summary>Chooses the drivers of each dispatch batch. Pure: the index entries and the time are passed in.</summary>
public sealed class DispatchPlanner(DispatchOptions options)
{
    /// <summary>How far ahead of the ride's clock a reported position may be (clock skew between silos).</summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromSeconds(5);

    private readonly GeoGrid _grid = new(options.CellSizeMeters);

    /// <summary>The options in use.</summary>
    public DispatchOptions Options { get; } = options;

    /// <summary>The grid of the geo-cell index.</summary>
    public GeoGrid Grid => _grid;

    /// <summary>The cells to search for batch <paramref name="round"/>.</summary>
    public IReadOnlyList<GeoCell> CellsForRound(GeoPoint pickup, int round) =>
        _grid.CellsWithin(pickup, Options.RadiusForRound(round));

    /// <summary>What batch <paramref name="round"/> asks each of its cells for.</summary>
    public DriverSearch SearchForRound(GeoPoint pickup, VehicleType vehicleType, int round, IEnumerable<string> excluded, DateTimeOffset now) =>
        new(pickup, Options.RadiusForRound(round), vehicleType, now - Options.LocationStaleAfter, now, excluded.Distinct(StringComparer.Ordinal).ToList(), Options.BatchSize);

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
        IEnumerable<string> excluded,
        DateTimeOffset now) =>
        Nearest(SearchForRound(pickup, vehicleType, round, excluded, now), entries)
            .Select(n => new DispatchCandidate(n.Entry.DriverId, n.DistanceMeters))
            .ToList();

    /// <summary>
    /// The entries that match <paramref name="search"/>, nearest first (ties by id), at most its limit; a driver
    /// listed twice counts once, at its freshest position. A geo cell answers with it over its drivers, and a round
    /// with it over what its cells answered, so both choose alike.
    /// </summary>
    public static IReadOnlyList<(GeoCellEntry Entry, double DistanceMeters)> Nearest(DriverSearch search, IEnumerable<GeoCellEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(search);
        var newest = search.Now + FutureTolerance;
        return entries
            .Where(e => e.VehicleType == search.VehicleType && e.UpdatedAt >= search.FreshSince && e.UpdatedAt <= newest && !search.Excluded.Contains(e.DriverId))
            .GroupBy(e => e.DriverId, StringComparer.Ordinal)
            .Select(g => g.MaxBy(e => e.UpdatedAt)!)
            .Select(e => (Entry: e, DistanceMeters: GeoMath.DistanceMeters(search.Pickup, new GeoPoint(e.Latitude, e.Longitude))))
            .Where(c => c.DistanceMeters <= search.RadiusMeters)
            .OrderBy(c => c.DistanceMeters)
            .ThenBy(c => c.Entry.DriverId, StringComparer.Ordinal)
            .Take(search.Limit)
            .ToList();
    }
}
