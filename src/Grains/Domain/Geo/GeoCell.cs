using System.Globalization;

namespace Rides.Grains.Domain.Geo;

/// <summary>One cell of a <see cref="GeoGrid"/>: a row (south to north) and a column (west to east).</summary>
/// <param name="Row">0 at the south pole.</param>
/// <param name="Column">0 at longitude -180.</param>
/// <param name="SizeMeters">The grid's cell size, part of the key so grids of different sizes never mix.</param>
public readonly record struct GeoCell(int Row, int Column, int SizeMeters)
{
    /// <summary>The key of the cell's geo-cell grain, e.g. <c>500:20011:10763</c>.</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture, $"{SizeMeters}:{Row}:{Column}");
}
