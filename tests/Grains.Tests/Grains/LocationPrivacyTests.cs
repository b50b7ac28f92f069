using Rides.Grains.Events;
using Rides.Grains.Drivers;
using Rides.Grains.Rides;
using Rides.Grains.Tests.Infrastructure;
using Rides.TestInfrastructure;

namespace Rides.Grains.Tests.Grains;

public sealed class LocationPrivacyTests
{
    private static readonly Caller Driver = Caller.Driver("d1");

    [Fact]
    public async Task A_drivers_location_is_published_on_the_ride_stream_only_while_its_ride_is_active()
    {
        await using var rides = await RidesTestCluster.StartAsync();
        await rides.OnlineDriverAsync("d1");
        var rideId = RideIds.New();
        await using var locations = await rides.Probe<RideLocationEvent>(Topics.RideLocation(rideId)).StartAsync();
        var ride = rides.Ride((await rides.RequestRideAsync("r1", rideId)).RideId);

        await MoveAsync(rides, 1);
        Assert.Equal(0, await locations.PublishedCountAsync());

        await ride.Accept(Driver).DefaultTimeout();
        await MoveAsync(rides, 2);
        var first = await locations.NextAsync();
        Assert.Equal(new RideLocationEvent(rideId, "d1", 37.7, -122.4, 2, 10, rides.Time.GetUtcNow()), first);
        await ride.Start(Driver).DefaultTimeout();
        await MoveAsync(rides, 3);
        Assert.Equal(3, (await locations.NextAsync()).Heading);

        await ride.Complete(Driver).DefaultTimeout();
        await MoveAsync(rides, 4);
        await MoveAsync(rides, 5);
        Assert.Equal(2, await locations.PublishedCountAsync());
        Assert.Empty(locations.Drain());
    }

    [Fact]
    public async Task A_canceled_ride_stops_receiving_its_former_drivers_location()
    {
        await using var rides = await RidesTestCluster.StartAsync();
        await rides.OnlineDriverAsync("d1");
        var rideId = RideIds.New();
        await using var locations = await rides.Probe<RideLocationEvent>(Topics.RideLocation(rideId)).StartAsync();
        var ride = rides.Ride((await rides.RequestRideAsync("r1", rideId)).RideId);
        await ride.Accept(Driver).DefaultTimeout();
        await MoveAsync(rides, 1);
        await ride.Cancel(Caller.Rider("r1")).DefaultTimeout();
        await MoveAsync(rides, 2);
        Assert.Equal(1, await locations.PublishedCountAsync());
    }

    private static async Task MoveAsync(RidesTestCluster rides, double heading)
    {
        rides.Time.Advance(TimeSpan.FromSeconds(1));
        await rides.Driver("d1").UpdateLocation(Driver, new LocationUpdate(37.7, -122.4, heading, 10)).DefaultTimeout();
    }
}
