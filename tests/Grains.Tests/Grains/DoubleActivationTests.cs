using Rides.Grains.Errors;
using Rides.Grains.Rides;
using Rides.Grains.Tests.Infrastructure;
using Rides.TestInfrastructure;

namespace Rides.Grains.Tests.Grains;

/// <summary>
/// During a membership change a cluster can briefly hold two activations of one ride. The stored
/// version decides: the first write wins, the other activation's write is refused, and nothing it
/// did is stored.
/// </summary>
public sealed class DoubleActivationTests
{
    [Fact]
    public async Task Two_activations_of_one_ride_accept_two_drivers_and_exactly_one_acceptance_is_stored()
    {
        await using var first = await RidesTestCluster.StartAsync(dispatch: o => o.LocationStaleAfter = TimeSpan.FromDays(1));
        await using var second = await first.StartTwinAsync(dispatch: o => o.LocationStaleAfter = TimeSpan.FromDays(1));
        await first.OnlineDriverAsync("d1", northMeters: 100);
        await first.OnlineDriverAsync("d2", northMeters: 150);
        var rideId = (await first.RequestRideAsync("r1")).RideId;
        var rider = Caller.Rider("r1");

        // Both silos hold an activation that has read the same version of the ride.
        var inFirst = first.Ride(rideId);
        var inSecond = second.Ride(rideId);
        Assert.Equal(RideStatus.FindingDriver, (await inFirst.Get(rider).DefaultTimeout()).Status);
        Assert.Equal(RideStatus.FindingDriver, (await inSecond.Get(rider).DefaultTimeout()).Status);

        var winner = await inFirst.Accept(Caller.Driver("d1")).DefaultTimeout();
        var refused = await Assert.ThrowsAsync<RidesException>(() => inSecond.Accept(Caller.Driver("d2"))).DefaultTimeout();

        Assert.Equal("d1", winner.Driver!.DriverId);
        Assert.Equal(ErrorCodes.Conflict, refused.Code);

        // The stale activation went away; the next call there reads what is stored.
        var seenBySecond = await second.Ride(rideId).Get(rider).DefaultTimeout();
        Assert.Equal((RideStatus.ArrivingToPickup, "d1"), (seenBySecond.Status, seenBySecond.Driver!.DriverId));
        Assert.Null((await second.Driver("d2").Get(Caller.Driver("d2")).DefaultTimeout()).CurrentRideId);
    }
}
