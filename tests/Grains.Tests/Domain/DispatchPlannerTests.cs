using Rides.Grains.Dispatch;
using Rides.Grains.Domain.Dispatch;
using Rides.Grains.Domain.Geo;
using Rides.Grains.Rides;

namespace Rides.Grains.Tests.Domain;

public sealed class DispatchPlannerTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly GeoPoint Pickup = new(37.7749, -122.4194);
    private static readonly DispatchPlanner Planner = new(new DispatchOptions());
    private static readonly HashSet<string> None = [];

    [Fact]
    public void The_batch_is_the_five_nearest_drivers_nearest_first()
    {
        var entries = Enumerable.Range(1, 8).Select(i => Entry($"d{i}", 100 * (9 - i))).ToList();
        var batch = Planner.SelectBatch(Pickup, VehicleType.Standard, 1, entries, None, Now);
        Assert.Equal(["d8", "d7", "d6", "d5", "d4"], batch.Select(c => c.DriverId));
        Assert.Equal(100, batch[0].DistanceMeters, 0);
    }

    [Fact]
    public void Drivers_beyond_the_round_radius_wait_for_a_wider_round()
    {
        var entries = new[] { Entry("near", 900), Entry("mid", 1400), Entry("far", 1900), Entry("beyond", 2100) };
        Assert.Equal(["near"], Planner.SelectBatch(Pickup, VehicleType.Standard, 1, entries, None, Now).Select(c => c.DriverId));
        Assert.Equal(["near", "mid"], Planner.SelectBatch(Pickup, VehicleType.Standard, 2, entries, None, Now).Select(c => c.DriverId));
        Assert.Equal(["near", "mid", "far"], Planner.SelectBatch(Pickup, VehicleType.Standard, 3, entries, None, Now).Select(c => c.DriverId));
    }

    [Fact]
    public void The_radius_widens_by_the_step_each_round()
    {
        var options = new DispatchOptions();
        Assert.Equal(1000, options.RadiusForRound(1));
        Assert.Equal(1500, options.RadiusForRound(2));
        Assert.Equal(2000, options.RadiusForRound(3));
    }

    [Fact]
    public void A_driver_whose_location_is_stale_is_never_chosen()
    {
        var entries = new[]
        {
            Entry("fresh", 100, Now - TimeSpan.FromSeconds(30)),
            Entry("stale", 50, Now - TimeSpan.FromSeconds(30) - TimeSpan.FromTicks(1)),
        };
        Assert.Equal(["fresh"], Planner.SelectBatch(Pickup, VehicleType.Standard, 1, entries, None, Now).Select(c => c.DriverId));
    }

    [Fact]
    public void Drivers_of_another_vehicle_type_or_already_offered_are_not_chosen()
    {
        var entries = new[] { Entry("moto", 100, type: VehicleType.Moto), Entry("offered", 200), Entry("ok", 300) };
        var batch = Planner.SelectBatch(Pickup, VehicleType.Standard, 1, entries, new HashSet<string> { "offered" }, Now);
        Assert.Equal(["ok"], batch.Select(c => c.DriverId));
    }

    [Fact]
    public void A_driver_listed_in_two_cells_counts_once_at_its_freshest_position()
    {
        var entries = new[] { Entry("d1", 900, Now - TimeSpan.FromSeconds(5)), Entry("d1", 100, Now) };
        var batch = Planner.SelectBatch(Pickup, VehicleType.Standard, 1, entries, None, Now);
        Assert.Single(batch);
        Assert.Equal(100, batch[0].DistanceMeters, 0);
    }

    [Fact]
    public void Equal_distances_are_ordered_by_driver_id()
    {
        var entries = new[] { Entry("b", 300), Entry("a", 300) };
        Assert.Equal(["a", "b"], Planner.SelectBatch(Pickup, VehicleType.Standard, 1, entries, None, Now).Select(c => c.DriverId));
    }

    [Fact]
    public void A_search_answers_at_most_its_limit_nearest_first_and_leaves_out_the_excluded()
    {
        var entries = Enumerable.Range(1, 12).Select(i => Entry($"d{i:00}", 50 * i)).ToList();
        var search = Planner.SearchForRound(Pickup, VehicleType.Standard, 1, ["d01", "d03", "d01"], Now);
        var nearest = DispatchPlanner.Nearest(search, entries);
        Assert.Equal(["d02", "d04", "d05", "d06", "d07"], nearest.Select(n => n.Entry.DriverId));
        Assert.Equal(["d01", "d03"], search.Excluded);
        Assert.Equal(100, nearest[0].DistanceMeters, 0);
    }

    [Fact]
    public void The_union_of_each_cells_answer_gives_the_batch_of_all_their_drivers()
    {
        // Two cells of twelve drivers each, interleaved by distance: each answers its five nearest, the round keeps five.
        var random = new Random(7);
        var cellA = Enumerable.Range(1, 12).Select(i => Entry($"a{i:00}", 37 * i + random.Next(10))).ToList();
        var cellB = Enumerable.Range(1, 12).Select(i => Entry($"b{i:00}", 41 * i + random.Next(10))).ToList();
        var search = Planner.SearchForRound(Pickup, VehicleType.Standard, 1, [], Now);
        var answered = DispatchPlanner.Nearest(search, cellA).Concat(DispatchPlanner.Nearest(search, cellB)).Select(n => n.Entry);
        var fromAnswers = Planner.SelectBatch(Pickup, VehicleType.Standard, 1, answered, None, Now);
        var fromAll = Planner.SelectBatch(Pickup, VehicleType.Standard, 1, cellA.Concat(cellB), None, Now);
        Assert.Equal(fromAll, fromAnswers);
        Assert.Equal(5, fromAnswers.Count);
    }

    private static GeoCellEntry Entry(string id, double northMeters, DateTimeOffset? at = null, VehicleType type = VehicleType.Standard)
    {
        var p = GeoMath.Offset(Pickup, northMeters, 0);
        return new GeoCellEntry(id, p.Latitude, p.Longitude, type, at ?? Now);
    }
}
