namespace Rides.Grains.Domain.Geo;

/// <summary>
/// A fixed latitude/longitude grid of cells about <see cref="CellSizeMeters"/> tall. Cells are equal
/// in degrees, so they are <see cref="CellSizeMeters"/> wide at the equator and narrower toward the
/// poles; <see cref="CellsWithin"/> accounts for that. Columns wrap at the antimeridian.
/// </summary>
public sealed class GeoGrid
{
    private readonly double _stepDegrees;

    /// <summary>Creates a grid of cells about <paramref name="cellSizeMeters"/> tall (50 m to 50 km).</summary>
    public GeoGrid(int cellSizeMeters = 500)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cellSizeMeters, 50);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(cellSizeMeters, 50_000);
        CellSizeMeters = cellSizeMeters;
        _stepDegrees = cellSizeMeters / GeoMath.MetersPerDegreeLatitude;
        Rows = (int)Math.Ceiling(180 / _stepDegrees);
        Columns = (int)Math.Ceiling(360 / _stepDegrees);
    }

    /// <summary>The cell height in metres.</summary>
    public int CellSizeMeters { get; }

    /// <summary>Number of rows from pole to pole.</summary>
    public int Rows { get; }

    /// <summary>Number of columns around the globe.</summary>
    public int Columns { get; }

    /// <summary>The cell containing a point.</summary>
    public GeoCell CellOf(GeoPoint point)
    {
        var row = Math.Clamp((int)Math.Floor((point.Latitude + 90) / _stepDegrees), 0, Rows - 1);
        var column = WrapColumn((int)Math.Floor((GeoMath.NormalizeLongitude(point.Longitude) + 180) / _stepDegrees));
        return new GeoCell(row, column, CellSizeMeters);
    }

    /// <summary>
    /// The cells at Chebyshev distance exactly <paramref name="ring"/> from <paramref name="center"/>
    /// (ring 0 is the cell itself, ring k has 8k cells away from the poles), clockwise from the
    /// south-west corner; rows beyond a pole are left out and columns wrap.
    /// </summary>
    public IEnumerable<GeoCell> Ring(GeoCell center, int ring)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ring);
        if (ring == 0)
        {
            yield return center;
            yield break;
        }

        var seen = new HashSet<(int, int)>();
        for (var dr = -ring; dr <= ring; dr++)
        {
            var edgeRow = Math.Abs(dr) == ring;
            for (var dc = -ring; dc <= ring; dc++)
            {
                if (!edgeRow && Math.Abs(dc) != ring)
                {
                    continue;
                }

                var row = center.Row + dr;
                if (row < 0 || row >= Rows)
                {
                    continue;
                }

                var column = WrapColumn(center.Column + dc);
                if (seen.Add((row, column)))
                {
                    yield return new GeoCell(row, column, CellSizeMeters);
                }
            }
        }
    }

    /// <summary>
    /// Every cell that may hold a point within <paramref name="radiusMeters"/> of
    /// <paramref name="center"/>: the rows the circle spans and, per the circle's most poleward
    /// latitude, the columns it spans. A superset: callers filter by exact distance.
    /// </summary>
    public IReadOnlyList<GeoCell> CellsWithin(GeoPoint center, double radiusMeters)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(radiusMeters);
        var dLat = radiusMeters / GeoMath.MetersPerDegreeLatitude;
        var minRow = Math.Max(0, (int)Math.Floor((center.Latitude - dLat + 90) / _stepDegrees));
        var maxRow = Math.Min(Rows - 1, (int)Math.Floor((center.Latitude + dLat + 90) / _stepDegrees));
        var poleward = Math.Min(89.9, Math.Max(Math.Abs(center.Latitude - dLat), Math.Abs(center.Latitude + dLat)));
        var dLng = dLat / Math.Cos(poleward * Math.PI / 180);
        var lng = GeoMath.NormalizeLongitude(center.Longitude) + 180;
        var minColumn = (int)Math.Floor((lng - dLng) / _stepDegrees);
        var maxColumn = dLng >= 180 ? minColumn + Columns - 1 : (int)Math.Floor((lng + dLng) / _stepDegrees);
        var cells = new List<GeoCell>();
        var seen = new HashSet<(int, int)>();
        for (var row = minRow; row <= maxRow; row++)
        {
            for (var col = minColumn; col <= maxColumn; col++)
            {
                var column = WrapColumn(col);
                if (seen.Add((row, column)))
                {
                    cells.Add(new GeoCell(row, column, CellSizeMeters));
                }
            }
        }

        return cells;
    }

    private int WrapColumn(int column) => ((column % Columns) + Columns) % Columns;
}
