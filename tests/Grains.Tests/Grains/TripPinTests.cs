using Rides.Grains.Events;
using Rides.Grains.Errors;
using Rides.Grains.Rides;
using Rides.Grains.Tests.Infrastructure;
using Rides.Grains.Users;
using Rides.TestInfrastructure;

namespace Rides.Grains.Tests.Grains;

public sealed class TripPinTests
{
    private static readonly Caller Rider = Caller.Rider("r1");
    private static readonly Caller Driver = Caller.Driver("d1");

    [Fact]
    public async Task The_pin_is_made_at_acceptance_shown_to_the_rider_only_and_required_to_start()
    {
        await using var rides = await RidesTestCluster.StartAsync(trip: o => o.RequirePin = true);
        await rides.OnlineDriverAsync("d1");
        await using var riderEvents = await rides.Probe<UserNotification>(Topics.User("r1")).StartAsync();
        await using var driverEvents = await rides.Probe<UserNotification>(Topics.User("d1")).StartAsync();
        var ride = rides.Ride((await rides.RequestRideAsync("r1")).RideId);
        var accepted = await ride.Accept(Driver).DefaultTimeout();
        Assert.True(accepted.PinRequired);
        Assert.Null(accepted.Pin);

        var pin = (await ride.Get(Rider).DefaultTimeout()).Pin;
        Assert.Matches("^[0-9]{4}$", pin);
        Assert.Null((await ride.Get(Driver).DefaultTimeout()).Pin);
        Assert.Null((await ride.Get(Caller.Staff("s1")).DefaultTimeout()).Pin);
        var booked = await riderEvents.NextAsync();
        Assert.Equal((UserNotificationKind.RideRequested, accepted.RideId, (string?)null), (booked.Kind, booked.RideId, booked.Pin));
        var notification = await riderEvents.NextAsync();
        Assert.Equal((UserNotificationKind.TripPin, accepted.RideId, pin), (notification.Kind, notification.RideId, notification.Pin));

        // The driver hears of the assignment, never of the PIN.
        var assigned = await driverEvents.NextAsync();
        Assert.Equal((UserNotificationKind.RideAssigned, accepted.RideId, (string?)null), (assigned.Kind, assigned.RideId, assigned.Pin));
        Assert.Equal(1, await driverEvents.PublishedCountAsync());
        Assert.All(await ride.GetEventsAfter(Rider, 0).DefaultTimeout(), e => Assert.DoesNotContain(pin!, e.Message, StringComparison.Ordinal));

        var missing = await Refusal.Expect(ErrorCodes.InvalidPin, () => ride.Start(Driver));
        Assert.Equal("attempts_left: 4", missing.Detail);
        Assert.Equal(RideStatus.DrivingToDestination, (await ride.Start(Driver, pin).DefaultTimeout()).Status);
        Assert.Null((await ride.Get(Rider).DefaultTimeout()).Pin);
    }

    [Fact]
    public async Task Too_many_wrong_pins_lock_the_start_even_for_the_right_one()
    {
        await using var rides = await RidesTestCluster.StartAsync(trip: o =>
        {
            o.RequirePin = true;
            o.MaxPinAttempts = 3;
        });
        await rides.OnlineDriverAsync("d1");
        var ride = rides.Ride((await rides.RequestRideAsync("r1")).RideId);
        await ride.Accept(Driver).DefaultTimeout();
        var pin = (await ride.Get(Rider).DefaultTimeout()).Pin!;
        var wrong = pin == "0000" ? "1111" : "0000";

        Assert.Equal("attempts_left: 2", (await Refusal.Expect(ErrorCodes.InvalidPin, () => ride.Start(Driver, wrong))).Detail);
        Assert.Equal("attempts_left: 1", (await Refusal.Expect(ErrorCodes.InvalidPin, () => ride.Start(Driver, "12"))).Detail);
        await Refusal.Expect(ErrorCodes.PinAttemptsExceeded, () => ride.Start(Driver, wrong));
        await Refusal.Expect(ErrorCodes.PinAttemptsExceeded, () => ride.Start(Driver, pin));
        Assert.Equal(RideStatus.ArrivingToPickup, (await ride.Get(Rider).DefaultTimeout()).Status);
        Assert.Equal(RideStatus.Canceled, (await ride.Cancel(Rider, "PIN locked").DefaultTimeout()).Status);
    }

    [Fact]
    public async Task Without_the_pin_option_a_ride_starts_without_a_pin()
    {
        await using var rides = await RidesTestCluster.StartAsync();
        await rides.OnlineDriverAsync("d1");
        var ride = rides.Ride((await rides.RequestRideAsync("r1")).RideId);
        var accepted = await ride.Accept(Driver).DefaultTimeout();
        Assert.False(accepted.PinRequired);
        Assert.Equal(RideStatus.DrivingToDestination, (await ride.Start(Driver, "9999").DefaultTimeout()).Status);
    }
}
