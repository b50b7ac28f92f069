using Orleans.Runtime;
using Rides.Grains.Errors;
using Rides.Grains.Tests.Infrastructure;
using Rides.TestInfrastructure;

namespace Rides.Grains.Tests.Grains;

/// <summary>Entity grains spread over the test cluster's silos, so calls between them cross silos and are serialized.</summary>
public sealed class PlacementTests
{
    [Fact]
    public async Task Rides_are_spread_over_both_silos_and_refusals_cross_silos_with_their_code()
    {
        await using var rides = await RidesTestCluster.StartAsync();
        var ids = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            ids.Add((await rides.RequestRideAsync("r" + i)).RideId);
        }

        var management = rides.Client.GetGrain<IManagementGrain>(0);
        var stats = await management.GetDetailedGrainStatistics().DefaultTimeout();
        var silos = stats.Where(s => ids.Any(id => s.GrainId.ToString() == "ride/" + id)).Select(s => s.SiloAddress).Distinct().ToList();
        Assert.Equal(RidesTestCluster.SiloCount, silos.Count);

        // The rider grain refuses a second active ride; the ride grain that asked passes the refusal on.
        var refusal = await Assert.ThrowsAsync<RidesException>(() => rides.RequestRideAsync("r0"));
        Assert.Equal(ErrorCodes.RiderHasActiveRide, refusal.Code);
        Assert.False(string.IsNullOrWhiteSpace(refusal.Message));
    }
}
