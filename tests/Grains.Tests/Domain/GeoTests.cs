using Rides.Grains.Domain.Geo;

namespace Rides.Grains.Tests.Domain;

public sealed class GeoTests
{
    private static readonly GeoGrid Grid = new(500);
    private static readonly GeoPoint SanFrancisco = new(37.7749, -122.4194);

    [Fact]
    public void One_degree_of_latitude_is_about_111_km()
    {
        Assert.Equal(111_195, GeoMath.DistanceMeters(new GeoPoint(0, 0), new GeoPoint(1, 0)), 0);
    }

    [Fact]
    public void San_francisco_to_los_angeles_is_about_559_km()
    {
        var km = GeoMath.DistanceMeters(SanFrancisco, new GeoPoint(34.0522, -118.2437)) / 1000;
        Assert.InRange(km, 558, 560);
    }

    [Fact]
    public void The_distance_is_symmetric_and_zero_for_the_same_point()
    {
        var other = new GeoPoint(37.8, -122.3);
        Assert.Equal(GeoMath.DistanceMeters(SanFrancisco, other), GeoMath.DistanceMeters(other, SanFrancisco), 9);
        Assert.Equal(0, GeoMath.DistanceMeters(SanFrancisco, SanFrancisco));
    }

    [Fact]
    public void An_offset_point_is_at_the_offset_distance()
    {
        Assert.Equal(1000, GeoMath.DistanceMeters(SanFrancisco, GeoMath.Offset(SanFrancisco, 1000, 0)), 1);
        Assert.Equal(1000, GeoMath.DistanceMeters(SanFrancisco, GeoMath.Offset(SanFrancisco, 0, 1000)), 1);
    }

    [Fact]
    public void Points_of_one_cell_share_its_key_and_neighbours_do_not()
    {
        var cell = Grid.CellOf(SanFrancisco);
        var near = Grid.CellOf(new GeoPoint(SanFrancisco.Latitude + 1e-9, SanFrancisco.Longitude + 1e-9));
        Assert.Equal(cell.Key, near.Key);
        Assert.NotEqual(cell.Key, Grid.CellOf(GeoMath.Offset(SanFrancisco, 600, 0)).Key);
        Assert.StartsWith("500:", cell.Key, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 8)]
    [InlineData(2, 16)]
    [InlineData(3, 24)]
    public void Ring_k_has_8k_cells_all_at_chebyshev_distance_k(int k, int expectedCount)
    {
        var center = Grid.CellOf(SanFrancisco);
        var ring = Grid.Ring(center, k).ToList();
        Assert.Equal(expectedCount, ring.Count);
        Assert.Equal(expectedCount, ring.Distinct().Count());
        Assert.All(ring, c => Assert.Equal(k, Math.Max(Math.Abs(c.Row - center.Row), Math.Abs(c.Column - center.Column))));
    }

    [Fact]
    public void Rings_0_to_2_together_are_the_5_by_5_square()
    {
        var center = Grid.CellOf(SanFrancisco);
        var cells = Enumerable.Range(0, 3).SelectMany(k => Grid.Ring(center, k)).ToHashSet();
        Assert.Equal(25, cells.Count);
    }

    [Fact]
    public void A_ring_wraps_at_the_antimeridian()
    {
        var center = Grid.CellOf(new GeoPoint(0, 179.999));
        var ring = Grid.Ring(center, 1).ToList();
        Assert.Equal(8, ring.Count);
        Assert.Contains(ring, c => c.Column == 0);
    }

    [Fact]
    public void A_ring_at_the_pole_leaves_out_rows_beyond_it()
    {
        var center = Grid.CellOf(new GeoPoint(90, 0));
        Assert.Equal(Grid.Rows - 1, center.Row);
        Assert.Equal(5, Grid.Ring(center, 1).Count());
    }

    [Theory]
    [InlineData(37.7749, -122.4194, 1000)]
    [InlineData(37.7749, -122.4194, 2000)]
    [InlineData(64.1466, -21.9426, 1500)]
    [InlineData(-33.8688, 151.2093, 500)]
    [InlineData(0.0001, 179.9999, 1000)]
    public void Cells_within_a_radius_hold_every_point_within_it(double lat, double lng, double radius)
    {
        var center = new GeoPoint(lat, lng);
        var cells = Grid.CellsWithin(center, radius).Select(c => c.Key).ToHashSet();
        var random = new Random(42);
        for (var i = 0; i < 2000; i++)
        {
            var angle = random.NextDouble() * 2 * Math.PI;
            var distance = Math.Sqrt(random.NextDouble()) * radius * 0.999;
            var point = GeoMath.Offset(center, distance * Math.Cos(angle), distance * Math.Sin(angle));
            Assert.Contains(Grid.CellOf(point).Key, cells);
        }
    }

    [Fact]
    public void Cells_within_1_km_of_a_mid_latitude_point_are_few()
    {
        var count = Grid.CellsWithin(SanFrancisco, 1000).Count;
        Assert.InRange(count, 20, 36);
    }
}
