using Rides.Grains.Events;
using Rides.Grains.Rides;
using Rides.Grains.Tests.Infrastructure;
using Rides.TestInfrastructure;

namespace Rides.Grains.Tests.Grains;

public sealed class SmokeTests
{
    [Fact]
    public async Task A_requested_ride_is_offered_to_a_nearby_driver_who_accepts_it()
    {
        await using var rides = await RidesTestCluster.StartAsync();
        await rides.OnlineDriverAsync("d1");
        var rideId = RideIds.New();
        await using var offers = await rides.Probe<Drivers.DriverOfferEvent>(Topics.DriverOffers("d1")).StartAsync();
        var view = await rides.RequestRideAsync("r1", rideId);
        Assert.Equal(RideStatus.FindingDriver, view.Status);
        var offer = await offers.NextAsync();
        Assert.Equal(rideId, offer.RideId);
        var accepted = await rides.Ride(rideId).Accept(Caller.Driver("d1")).DefaultTimeout();
        Assert.Equal(RideStatus.ArrivingToPickup, accepted.Status);
    }
}
