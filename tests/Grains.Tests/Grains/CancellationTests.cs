using Rides.Grains.Events;
using Rides.Grains.Drivers;
using Rides.Grains.Errors;
using Rides.Grains.Riders;
using Rides.Grains.Rides;
using Rides.Grains.Tests.Infrastructure;
using Rides.TestInfrastructure;

namespace Rides.Grains.Tests.Grains;

public sealed class CancellationTests
{
    private static readonly Caller Rider = Caller.Rider("r1");
    private static readonly Caller Driver = Caller.Driver("d1");

    [Fact]
    public async Task A_rider_cancels_while_finding_a_driver_and_the_offers_are_withdrawn()
    {
        await using var rides = await RidesTestCluster.StartAsync();
        await rides.OnlineDriverAsync("d1");
        await using var offers = await rides.Probe<DriverOfferEvent>(Topics.DriverOffers("d1")).StartAsync();
        var rideId = (await rides.RequestRideAsync("r1")).RideId;
        Assert.Equal(DriverOfferEventKind.Offered, (await offers.NextAsync()).Kind);

        var canceled = await rides.Ride(rideId).Cancel(Rider, "Changed my mind").DefaultTimeout();
        Assert.Equal(RideStatus.Canceled, canceled.Status);
        Assert.Equal(new CancellationInfo(UserRole.Rider, "r1", "Changed my mind", RideStatus.FindingDriver), canceled.Cancellation);
        var withdrawn = await offers.NextAsync();
        Assert.Equal((DriverOfferEventKind.Withdrawn, OfferWithdrawalReasons.RideCanceled), (withdrawn.Kind, withdrawn.Reason));
        await Refusal.Expect(ErrorCodes.InvalidTransition, () => rides.Ride(rideId).Accept(Driver));
        Assert.Null((await rides.Grains.GetGrain<IRiderGrain>("r1").Get(Rider).DefaultTimeout()).ActiveRideId);
    }

    [Fact]
    public async Task A_rider_cancels_after_acceptance_and_the_driver_is_free_for_the_next_ride()
    {
        await using var rides = await RidesTestCluster.StartAsync();
        await rides.OnlineDriverAsync("d1");
        var first = rides.Ride((await rides.RequestRideAsync("r1")).RideId);
        await first.Accept(Driver).DefaultTimeout();
        var canceled = await first.Cancel(Rider).DefaultTimeout();
        Assert.Equal(new CancellationInfo(UserRole.Rider, "r1", CancelReasons.Unspecified, RideStatus.ArrivingToPickup), canceled.Cancellation);
        Assert.Null((await rides.Driver("d1").Get(Driver).DefaultTimeout()).CurrentRideId);

        var second = rides.Ride((await rides.RequestRideAsync("r2")).RideId);
        Assert.Equal("d1", (await second.Accept(Driver).DefaultTimeout()).Driver!.DriverId);
    }

    [Fact]
    public async Task The_assigned_driver_cancels_before_and_during_the_trip()
    {
        await using var rides = await RidesTestCluster.StartAsync();
        await rides.OnlineDriverAsync("d1");
        var first = rides.Ride((await rides.RequestRideAsync("r1")).RideId);
        await first.Accept(Driver).DefaultTimeout();
        await first.MarkDriverArrived(Driver).DefaultTimeout();
        var canceled = await first.Cancel(Driver, "Traffic accident").DefaultTimeout();
        Assert.Equal(new CancellationInfo(UserRole.Driver, "d1", "Traffic accident", RideStatus.DriverArrived), canceled.Cancellation);
        Assert.Null((await rides.Grains.GetGrain<IRiderGrain>("r1").Get(Rider).DefaultTimeout()).ActiveRideId);

        var second = rides.Ride((await rides.RequestRideAsync("r1")).RideId);
        await second.Accept(Driver).DefaultTimeout();
        await second.Start(Driver).DefaultTimeout();
        Assert.Equal(RideStatus.DrivingToDestination, (await second.Cancel(Driver, "Rider left").DefaultTimeout()).Cancellation!.PreviousStatus);
    }

    [Fact]
    public async Task Staff_cancel_a_ride_whose_driver_was_lost()
    {
        await using var rides = await RidesTestCluster.StartAsync();
        await rides.OnlineDriverAsync("d1");
        var rideId = RideIds.New();
        await using var status = await rides.Probe<RideStatusEvent>(Topics.RideStatus(rideId)).StartAsync();
        var ride = rides.Ride((await rides.RequestRideAsync("r1", rideId)).RideId);
        await ride.Accept(Driver).DefaultTimeout();
        await ride.Cancel(Caller.Staff("s1"), CancelReasons.DriverLost).DefaultTimeout();
        var evt = await status.NextMatchingAsync(e => e.Status == RideStatus.Canceled);
        Assert.Equal(new CancellationInfo(UserRole.Staff, "s1", CancelReasons.DriverLost, RideStatus.ArrivingToPickup), evt.Cancellation);
        Assert.Equal("The ride was canceled by the staff.", evt.Message);
        Assert.Equal(3, evt.Seq);
    }

    [Fact]
    public async Task Strangers_other_drivers_and_operators_cannot_cancel_and_an_ended_ride_cannot_be_canceled()
    {
        await using var rides = await RidesTestCluster.StartAsync();
        await rides.OnlineDriverAsync("d1");
        var ride = rides.Ride((await rides.RequestRideAsync("r1")).RideId);
        await Refusal.Expect(ErrorCodes.NotAParticipant, () => ride.Cancel(Caller.Rider("r2")));
        await Refusal.Expect(ErrorCodes.NotAParticipant, () => ride.Cancel(Driver));
        await Refusal.Expect(ErrorCodes.Forbidden, () => ride.Cancel(Caller.Operator("o1")));
        await Refusal.Expect(ErrorCodes.ValidationFailed, () => ride.Cancel(Rider, new string('x', 201)));
        await ride.Accept(Driver).DefaultTimeout();
        await ride.Start(Driver).DefaultTimeout();
        await ride.Complete(Driver).DefaultTimeout();
        var ex = await Refusal.Expect(ErrorCodes.InvalidTransition, () => ride.Cancel(Rider));
        Assert.Equal("status: completed", ex.Detail);
    }
}
