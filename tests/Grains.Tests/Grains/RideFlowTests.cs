using Rides.Grains.Events;
using Rides.Grains.Domain.Geo;
using Rides.Grains.Drivers;
using Rides.Grains.Errors;
using Rides.Grains.Riders;
using Rides.Grains.Rides;
using Rides.Grains.Stats;
using Rides.Grains.Tests.Infrastructure;
using Rides.TestInfrastructure;

namespace Rides.Grains.Tests.Grains;

public sealed class RideFlowTests
{
    private static readonly Caller Rider = Caller.Rider("r1", "Ann");
    private static readonly Caller Driver = Caller.Driver("d1", "Driver d1");

    [Fact]
    public async Task A_full_ride_goes_from_request_through_completion_to_rating_and_payment()
    {
        await using var rides = await RidesTestCluster.StartAsync();
        await rides.OnlineDriverAsync("d1", northMeters: 400);
        var rideId = RideIds.New();
        await using var status = await rides.Probe<RideStatusEvent>(Topics.RideStatus(rideId)).StartAsync();
        var ride = rides.Ride(rideId);

        var requested = await rides.RequestRideAsync("r1", rideId);
        Assert.Equal(RideStatus.FindingDriver, requested.Status);
        Assert.Equal(1, requested.DispatchRound);
        Assert.Equal(3.9, requested.Estimate.DistanceKm, 3);
        Assert.Equal(9.58m, requested.Estimate.Fare); // 2.50 + 1.20 x 3.9 + 0.30 x 8 min

        var accepted = await ride.Accept(Driver).DefaultTimeout();
        Assert.Equal(RideStatus.ArrivingToPickup, accepted.Status);
        Assert.Equal("d1", accepted.Driver!.DriverId);
        Assert.Equal("Toyota Camry", accepted.Driver.Vehicle);
        Assert.Equal(1, accepted.EtaMinutes);
        Assert.Null(accepted.Pin);

        Assert.Equal(RideStatus.DriverArrived, (await ride.MarkDriverArrived(Driver).DefaultTimeout()).Status);
        Assert.Equal(RideStatus.DrivingToDestination, (await ride.Start(Driver).DefaultTimeout()).Status);

        // Drive 2.6 km north in 10 updates, one every 60 s.
        for (var i = 1; i <= 10; i++)
        {
            rides.Time.Advance(TimeSpan.FromSeconds(60));
            var at = GeoMath.Offset(RidesTestCluster.Center, 400 + (i * 260), 0);
            await rides.Driver("d1").UpdateLocation(Driver, new LocationUpdate(at.Latitude, at.Longitude, 0, 10)).DefaultTimeout();
        }

        var completed = await ride.Complete(Driver).DefaultTimeout();
        Assert.Equal(RideStatus.Completed, completed.Status);
        Assert.Equal(2.6, completed.Receipt!.DistanceKm, 3);
        Assert.Equal(600, completed.Receipt.DurationSeconds);
        Assert.Equal(8.62m, completed.Receipt.Fare); // 2.50 + 1.20 x 2.6 + 0.30 x 10

        Assert.Equal(
            [RideStatus.FindingDriver, RideStatus.ArrivingToPickup, RideStatus.DriverArrived, RideStatus.DrivingToDestination, RideStatus.Completed],
            [(await status.NextAsync()).Status, (await status.NextAsync()).Status, (await status.NextAsync()).Status, (await status.NextAsync()).Status, (await status.NextAsync()).Status]);

        var rating = await ride.RateDriver(Rider, new RatingRequest(4, "Nice")).DefaultTimeout();
        Assert.Equal(("d1", 4.0, 1), (rating.RatedUserId, rating.NewAverage, rating.RatingCount));
        var receipt = await ride.Pay(Rider, new PaymentRequest("key-1", 8.62m, "card")).DefaultTimeout();
        Assert.Equal(8.62m, receipt.Amount);

        var riderView = await rides.Grains.GetGrain<IRiderGrain>("r1").Get(Rider).DefaultTimeout();
        Assert.Null(riderView.ActiveRideId);
        Assert.Equal(1, riderView.RideCount);
        var history = await rides.Grains.GetGrain<IRiderGrain>("r1").GetHistory(Rider).DefaultTimeout();
        Assert.Equal(rideId, Assert.Single(history.Rides).RideId);
        Assert.Equal(8.62m, history.Rides[0].Fare);

        var driverView = await rides.Driver("d1").Get(Driver).DefaultTimeout();
        Assert.Null(driverView.CurrentRideId);
        Assert.Equal((4.0, 1), (driverView.Rating, driverView.RatingCount));
        Assert.Equal(new PlatformStats(1, 0), await rides.Grains.GetGrain<IPlatformStatsGrain>(IPlatformStatsGrain.Key).Get().DefaultTimeout());
    }

    [Fact]
    public async Task Status_events_carry_consecutive_sequence_numbers_and_replay_after_a_given_one()
    {
        await using var rides = await RidesTestCluster.StartAsync();
        await rides.OnlineDriverAsync("d1");
        var rideId = (await rides.RequestRideAsync("r1")).RideId;
        var ride = rides.Ride(rideId);
        await ride.Accept(Driver).DefaultTimeout();
        await ride.MarkDriverArrived(Driver).DefaultTimeout();

        var all = await ride.GetEventsAfter(Rider, 0).DefaultTimeout();
        Assert.Equal([1L, 2L, 3L], all.Select(e => e.Seq));
        var missed = await ride.GetEventsAfter(Driver, 1).DefaultTimeout();
        Assert.Equal([RideStatus.ArrivingToPickup, RideStatus.DriverArrived], missed.Select(e => e.Status));
        Assert.Equal(3, (await ride.Get(Rider).DefaultTimeout()).LastSeq);
        Assert.Equal("Driver Driver d1 is on the way!", missed[0].Message);
        Assert.Equal("d1", missed[0].Driver!.DriverId);
    }

    [Fact]
    public async Task A_ride_is_visible_to_its_rider_driver_and_staff_only()
    {
        await using var rides = await RidesTestCluster.StartAsync();
        await rides.OnlineDriverAsync("d1");
        var rideId = (await rides.RequestRideAsync("r1")).RideId;
        var ride = rides.Ride(rideId);
        await ride.Accept(Driver).DefaultTimeout();

        Assert.Equal(rideId, (await ride.Get(Rider).DefaultTimeout()).RideId);
        Assert.Equal(rideId, (await ride.Get(Driver).DefaultTimeout()).RideId);
        Assert.Equal(rideId, (await ride.Get(Caller.Staff("s1")).DefaultTimeout()).RideId);
        Assert.Equal(rideId, (await ride.Get(Caller.Operator("o1")).DefaultTimeout()).RideId);
        await Refusal.Expect(ErrorCodes.NotAParticipant, () => ride.Get(Caller.Rider("r2")));
        await Refusal.Expect(ErrorCodes.NotAParticipant, () => ride.Get(Caller.Driver("d2")));
        await Refusal.Expect(ErrorCodes.NotAParticipant, () => ride.GetEventsAfter(Caller.Rider("r2"), 0));
        await Refusal.Expect(ErrorCodes.RideNotFound, () => rides.Ride("ride_missing").Get(Rider));
    }

    [Fact]
    public async Task A_rider_has_at_most_one_active_ride_and_a_repeated_create_returns_the_same_ride()
    {
        await using var rides = await RidesTestCluster.StartAsync();
        var first = await rides.RequestRideAsync("r1", "ride_a");
        var again = await rides.RequestRideAsync("r1", "ride_a");
        Assert.Equal(first.RideId, again.RideId);
        Assert.Equal(first.RequestedAt, again.RequestedAt);

        var ex = await Refusal.Expect(ErrorCodes.RiderHasActiveRide, () => rides.RequestRideAsync("r1", "ride_b"));
        Assert.Equal("ride_id: ride_a", ex.Detail);
        await Refusal.Expect(ErrorCodes.RideAlreadyExists, () => rides.RequestRideAsync("r2", "ride_a"));
        await Refusal.Expect(ErrorCodes.RideNotFound, () => rides.Ride("ride_b").Get(Rider));

        await rides.Ride("ride_a").Cancel(Rider, "changed my mind").DefaultTimeout();
        Assert.Equal(RideStatus.FindingDriver, (await rides.RequestRideAsync("r1", "ride_b")).Status);
    }

    [Fact]
    public async Task Only_riders_request_rides_and_requests_are_validated()
    {
        await using var rides = await RidesTestCluster.StartAsync();
        var request = new RideRequest(new Place(37.7, -122.4), new Place(37.8, -122.4));
        await Refusal.Expect(ErrorCodes.Forbidden, () => rides.Ride("ride_x").Create(Driver, request));
        var ex = await Refusal.Expect(ErrorCodes.ValidationFailed, () => rides.Ride("ride_x").Create(Rider, request with { Pickup = new Place(91, 0) }));
        Assert.Equal("pickup.latitude: must be between -90 and 90", ex.Detail);
        await Refusal.Expect(ErrorCodes.ValidationFailed, () => rides.Ride("ride_x").Create(Rider, request with { Notes = new string('n', 501) }));
        await Refusal.Expect(ErrorCodes.ValidationFailed, () => rides.Ride("ride_x").Create(Rider, request with { VehicleType = (VehicleType)42 }));
        await Refusal.Expect(ErrorCodes.RideNotFound, () => rides.Ride("ride_x").Get(Rider));
    }

    [Fact]
    public async Task Transitions_out_of_order_or_by_the_wrong_party_are_refused()
    {
        await using var rides = await RidesTestCluster.StartAsync();
        await rides.OnlineDriverAsync("d1");
        var ride = rides.Ride((await rides.RequestRideAsync("r1")).RideId);

        await Refusal.Expect(ErrorCodes.InvalidTransition, () => ride.Start(Caller.System));
        await Refusal.Expect(ErrorCodes.Forbidden, () => ride.Accept(Rider));
        await ride.Accept(Driver).DefaultTimeout();
        await Refusal.Expect(ErrorCodes.Forbidden, () => ride.MarkDriverArrived(Rider));
        await Refusal.Expect(ErrorCodes.NotAParticipant, () => ride.Start(Caller.Driver("d2")));
        await Refusal.Expect(ErrorCodes.InvalidTransition, () => ride.Complete(Driver));
        await Refusal.Expect(ErrorCodes.RideNotCompleted, () => ride.RateDriver(Rider, new RatingRequest(5)));
        await Refusal.Expect(ErrorCodes.RideNotCompleted, () => ride.Pay(Rider, new PaymentRequest("k", 10m)));

        // Starting straight from arrivingToPickup is allowed (seed 000 has no arrival event).
        Assert.Equal(RideStatus.DrivingToDestination, (await ride.Start(Driver).DefaultTimeout()).Status);
        Assert.Equal(RideStatus.DrivingToDestination, (await ride.Start(Driver).DefaultTimeout()).Status);
        await Refusal.Expect(ErrorCodes.InvalidTransition, () => ride.MarkDriverArrived(Driver));
    }

    [Fact]
    public async Task A_driver_is_rated_once_per_ride_by_its_rider_and_payment_is_idempotent_by_key()
    {
        await using var rides = await RidesTestCluster.StartAsync();
        await rides.OnlineDriverAsync("d1");
        var ride = rides.Ride((await rides.RequestRideAsync("r1")).RideId);
        await ride.Accept(Driver).DefaultTimeout();
        await ride.Start(Driver).DefaultTimeout();
        rides.Time.Advance(TimeSpan.FromMinutes(5));
        var fare = (await ride.Complete(Driver).DefaultTimeout()).Receipt!.Fare;

        await Refusal.Expect(ErrorCodes.Forbidden, () => ride.RateDriver(Driver, new RatingRequest(5)));
        await Refusal.Expect(ErrorCodes.NotAParticipant, () => ride.RateDriver(Caller.Rider("r2"), new RatingRequest(5)));
        await Refusal.Expect(ErrorCodes.ValidationFailed, () => ride.RateDriver(Rider, new RatingRequest(6)));
        Assert.Equal(5, (await ride.RateDriver(Rider, new RatingRequest(5)).DefaultTimeout()).Stars);
        await Refusal.Expect(ErrorCodes.AlreadyRated, () => ride.RateDriver(Rider, new RatingRequest(1)));
        Assert.Equal((5.0, 1), ((await rides.Driver("d1").Get(Driver).DefaultTimeout()).Rating, (await rides.Driver("d1").Get(Driver).DefaultTimeout()).RatingCount));
        Assert.Equal(3.0, (await ride.RateRider(Driver, new RatingRequest(3)).DefaultTimeout()).NewAverage);
        await Refusal.Expect(ErrorCodes.AlreadyRated, () => ride.RateRider(Driver, new RatingRequest(3)));

        var mismatch = await Refusal.Expect(ErrorCodes.PaymentAmountMismatch, () => ride.Pay(Rider, new PaymentRequest("k1", fare + 1)));
        Assert.Equal($"fare: {fare:0.00}", mismatch.Detail);
        await Refusal.Expect(ErrorCodes.Forbidden, () => ride.Pay(Driver, new PaymentRequest("k1", fare)));
        var first = await ride.Pay(Rider, new PaymentRequest("k1", fare, "card")).DefaultTimeout();
        var repeated = await ride.Pay(Rider, new PaymentRequest("k1", fare, "card")).DefaultTimeout();
        Assert.Equal(first, repeated);
        await Refusal.Expect(ErrorCodes.AlreadyPaid, () => ride.Pay(Rider, new PaymentRequest("k2", fare)));
        Assert.Equal(first, (await ride.Get(Rider).DefaultTimeout()).Payment);
    }
}
