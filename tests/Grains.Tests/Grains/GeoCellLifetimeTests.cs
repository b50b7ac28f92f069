using Rides.Grains.Dispatch;
using Rides.Grains.Domain.Dispatch;
using Rides.Grains.Domain.Geo;
using Rides.Grains.Rides;
using Rides.Grains.Tests.Infrastructure;
using Rides.TestInfrastructure;

namespace Rides.Grains.Tests.Grains;

/// <summary>A geo cell with no driver leaves at once; a cell with one stays and keeps it.</summary>
public sealed class GeoCellLifetimeTests
{
    [Fact]
    public async Task A_cell_a_search_finds_empty_leaves_and_one_with_a_driver_stays_until_the_driver_goes()
    {
        await using var rides = await RidesTestCluster.StartAsync();
        var planner = new DispatchPlanner(new DispatchOptions());
        var empty = planner.Grid.CellOf(GeoMath.Offset(RidesTestCluster.Center, 40_000, 0)).Key;
        var search = planner.SearchForRound(RidesTestCluster.Center, VehicleType.Standard, 1, [], rides.Time.GetUtcNow());

        Assert.Empty(await rides.Grains.GetGrain<IGeoCellGrain>(empty).FindNearest(search).DefaultTimeout());
        await rides.UntilDeactivatedAsync("geocell/" + empty, "the empty cell was still activated 10 s after the search");

        await rides.OnlineDriverAsync("d1", northMeters: 100);
        var home = planner.Grid.CellOf(GeoMath.Offset(RidesTestCluster.Center, 100, 0)).Key;
        var cell = rides.Grains.GetGrain<IGeoCellGrain>(home);
        Assert.Equal(["d1"], (await cell.FindNearest(search).DefaultTimeout()).Select(e => e.DriverId));
        Assert.True(await rides.IsActivatedAsync("geocell/" + home), "a cell holding a driver stays activated");
        Assert.Equal(["d1"], (await cell.FindNearest(search).DefaultTimeout()).Select(e => e.DriverId));

        await cell.Remove("d1").DefaultTimeout();
        await rides.UntilDeactivatedAsync("geocell/" + home, "the cell its last driver left was still activated 10 s after");
    }
}
