using Rides.Grains.Domain.Geo;
using Rides.Grains.Events;
using Rides.Grains.Chat;
using Rides.Grains.Drivers;
using Rides.Grains.Riders;
using Rides.Grains.Rides;
using Rides.Grains.Tests.Infrastructure;
using Rides.TestInfrastructure;

namespace Rides.Grains.Tests.Grains;

public sealed class PersistenceTests
{
    private static readonly Caller Rider = Caller.Rider("r1");
    private static readonly Caller Driver = Caller.Driver("d1");

    [Fact]
    public async Task A_ride_its_driver_its_rider_and_its_chat_survive_a_silo_restart()
    {
        await using var rides = await RidesTestCluster.StartAsync();
        await rides.OnlineDriverAsync("d1");
        var rideId = (await rides.RequestRideAsync("r1")).RideId;
        var accepted = await rides.Ride(rideId).Accept(Driver).DefaultTimeout();
        var pin = (await rides.Ride(rideId).Get(Rider).DefaultTimeout()).Pin;
        await rides.Grains.GetGrain<IChatRoomGrain>(rideId).Send(Rider, "before restart").DefaultTimeout();

        await rides.RestartAllSilosAsync().DefaultTimeout();

        var view = await rides.Ride(rideId).Get(Rider).DefaultTimeout();
        Assert.Equal((RideStatus.ArrivingToPickup, "d1", pin, accepted.LastSeq), (view.Status, view.Driver!.DriverId, view.Pin, view.LastSeq));
        Assert.Equal(rideId, (await rides.Driver("d1").Get(Driver).DefaultTimeout()).CurrentRideId);
        Assert.Equal(rideId, (await rides.Grains.GetGrain<IRiderGrain>("r1").Get(Rider).DefaultTimeout()).ActiveRideId);
        var chat = rides.Grains.GetGrain<IChatRoomGrain>(rideId);
        Assert.Equal(2, (await chat.Send(Driver, "after restart").DefaultTimeout()).Id);
        Assert.Equal(["before restart", "after restart"], (await chat.GetMessages(Rider, new ChatPageRequest()).DefaultTimeout()).Messages.Select(m => m.Text));

        await rides.Ride(rideId).Start(Driver).DefaultTimeout();
        Assert.Equal(RideStatus.Completed, (await rides.Ride(rideId).Complete(Driver).DefaultTimeout()).Status);
    }

    [Fact]
    public async Task An_ended_ride_leaves_memory_a_minute_after_it_settled_and_answers_from_storage_after()
    {
        await using var rides = await RidesTestCluster.StartAsync();
        await rides.OnlineDriverAsync("d1");
        var ended = (await rides.RequestRideAsync("r1")).RideId;
        await rides.Ride(ended).Accept(Driver).DefaultTimeout();
        await rides.Ride(ended).Start(Driver).DefaultTimeout();
        var completed = await rides.Ride(ended).Complete(Driver).DefaultTimeout();
        var live = (await rides.RequestRideAsync("r2")).RideId;
        await rides.Ride(live).Accept(Driver).DefaultTimeout();
        Assert.True(await IsActiveAsync(rides, ended));

        rides.Time.Advance(TimeSpan.FromSeconds(61));
        await rides.UntilDeactivatedAsync("ride/" + ended, "the ended ride was still activated 10 s after its idle time");
        Assert.True(await IsActiveAsync(rides, live), "a ride in progress stays in memory");

        // Its state is in storage: the next call activates it again and finds the same ride.
        var view = await rides.Ride(ended).Get(Rider).DefaultTimeout();
        Assert.Equal((RideStatus.Completed, completed.LastSeq, completed.Receipt), (view.Status, view.LastSeq, view.Receipt));
        Assert.Equal(5, (await rides.Ride(ended).RateDriver(Rider, new RatingRequest(5)).DefaultTimeout()).Stars);
        Assert.True(await IsActiveAsync(rides, ended));
        rides.Time.Advance(TimeSpan.FromSeconds(61));
        await rides.UntilDeactivatedAsync("ride/" + ended, "the ended ride was still activated 10 s after its idle time");
    }

    private static Task<bool> IsActiveAsync(RidesTestCluster rides, string rideId) => rides.IsActivatedAsync("ride/" + rideId);

    [Fact]
    public async Task A_ride_is_written_once_per_transition_its_creation_with_its_first_batch_and_its_settling_as_it_leaves_memory()
    {
        await using var rides = await RidesTestCluster.StartAsync();
        var (stored, rideId, ride) = await RequestCountingWritesAsync(rides);

        // The request and the batch that offered it to d1 went to the server in one write.
        Assert.Equal(1, await stored.WritesAsync("ride", rideId));
        var created = await stored.ReadAsync<RideState>("ride", rideId);
        Assert.Equal(RideStatus.FindingDriver, created.Status);
        Assert.Equal(["d1"], created.Offered);

        await ride.Accept(Driver).DefaultTimeout();
        await ride.MarkDriverArrived(Driver).DefaultTimeout();
        await ride.Start(Driver).DefaultTimeout();
        await ride.Complete(Driver).DefaultTimeout();
        Assert.Equal(5, await stored.WritesAsync("ride", rideId));

        // Settling frees the driver and the rider; the ride keeps the flag in memory...
        await UntilDriverFreedAsync(rides);
        await UntilAsync(async () => (await rides.Grains.GetGrain<IRiderGrain>("r1").Get(Rider).DefaultTimeout()).ActiveRideId is null, "the rider was not freed 10 s after the ride completed");
        Assert.Equal(5, await stored.WritesAsync("ride", rideId));
        Assert.False((await stored.ReadAsync<RideState>("ride", rideId)).Settled);

        // ...and stores it as the activation leaves.
        rides.Time.Advance(TimeSpan.FromSeconds(61));
        await rides.UntilDeactivatedAsync("ride/" + rideId, "the ended ride was still activated 10 s after its idle time");
        Assert.Equal(6, await stored.WritesAsync("ride", rideId));
        Assert.True((await stored.ReadAsync<RideState>("ride", rideId)).Settled);

        // Activated again it has nothing to settle, so nothing to write until the next transition, which stores it.
        Assert.Equal(RideStatus.Completed, (await ride.Get(Rider).DefaultTimeout()).Status);
        Assert.Equal(6, await stored.WritesAsync("ride", rideId));
        await ride.RateDriver(Rider, new RatingRequest(5)).DefaultTimeout();
        Assert.Equal(7, await stored.WritesAsync("ride", rideId));
        Assert.Equal(1, (await rides.Grains.GetGrain<IRiderGrain>("r1").Get(Rider).DefaultTimeout()).RideCount);
    }

    [Fact]
    public async Task A_settled_flag_not_yet_stored_goes_with_the_rides_next_write()
    {
        await using var rides = await RidesTestCluster.StartAsync();
        var (stored, rideId, ride) = await RequestCountingWritesAsync(rides);
        await ride.Accept(Driver).DefaultTimeout();
        await ride.Start(Driver).DefaultTimeout();
        await ride.Complete(Driver).DefaultTimeout();
        await UntilDriverFreedAsync(rides);
        Assert.False((await stored.ReadAsync<RideState>("ride", rideId)).Settled);

        await ride.RateDriver(Rider, new RatingRequest(4)).DefaultTimeout();
        Assert.True((await stored.ReadAsync<RideState>("ride", rideId)).Settled);
        var writes = await stored.WritesAsync("ride", rideId);

        // Nothing is left unsaved, so leaving memory writes nothing.
        rides.Time.Advance(TimeSpan.FromSeconds(61));
        await rides.UntilDeactivatedAsync("ride/" + rideId, "the ended ride was still activated 10 s after its idle time");
        Assert.Equal(writes, await stored.WritesAsync("ride", rideId));
    }

    [Fact]
    public async Task A_drivers_trip_start_is_stored_with_its_next_location_write_and_the_meter_counts_from_it()
    {
        // A key that does not read as hexadecimal, so its row keeps the key as text (see 03_persistence.sql).
        const string driverId = "driver-trip";
        var driver = Caller.Driver(driverId);
        await using var rides = await RidesTestCluster.StartAsync();
        var stored = await StoredGrainStates.InstallAsync(rides.ConnectionString);
        await rides.OnlineDriverAsync(driverId);
        var rideId = (await rides.RequestRideAsync("r1")).RideId;
        var ride = rides.Ride(rideId);
        await ride.Accept(driver).DefaultTimeout();
        var assigned = await stored.WritesAsync("driver", driverId);
        Assert.True(assigned >= 3, $"the driver's profile, going online and its assignment are writes; {assigned} counted");
        Assert.Equal(rideId, (await stored.ReadAsync<DriverState>("driver", driverId)).CurrentRideId);

        // The ride stores its start before it answers; the driver's meter waits for the driver's next write.
        await ride.Start(driver).DefaultTimeout();
        Assert.Equal(RideStatus.DrivingToDestination, (await stored.ReadAsync<RideState>("ride", rideId)).Status);
        Assert.Equal(assigned, await stored.WritesAsync("driver", driverId));
        Assert.Null((await stored.ReadAsync<DriverState>("driver", driverId)).TripRideId);

        // A location past the persist interval writes the driver, the trip's start and its meter with it.
        rides.Time.Advance(TimeSpan.FromSeconds(16));
        var at = GeoMath.Offset(RidesTestCluster.Center, 400, 0);
        await rides.Driver(driverId).UpdateLocation(driver, new LocationUpdate(at.Latitude, at.Longitude, 0, 10)).DefaultTimeout();
        Assert.Equal(assigned + 1, await stored.WritesAsync("driver", driverId));
        var state = await stored.ReadAsync<DriverState>("driver", driverId);
        Assert.Equal(rideId, state.TripRideId);
        Assert.Equal(2, state.TripMeter!.Updates);
    }

    [Fact]
    public async Task A_request_whose_write_failed_is_not_requested_and_its_retry_offers_the_same_drivers()
    {
        await using var rides = await RidesTestCluster.StartAsync();
        var stored = await StoredGrainStates.InstallAsync(rides.ConnectionString);
        await rides.OnlineDriverAsync("d1");
        await using var offers = await rides.Probe<DriverOfferEvent>(Topics.DriverOffers("d1")).StartAsync();
        var rideId = RideIds.New();

        await stored.RefuseAsync("ride", rideId);
        await Assert.ThrowsAnyAsync<Exception>(() => rides.RequestRideAsync("r1", rideId));
        Assert.Equal(0, await offers.PublishedCountAsync());

        await stored.AllowAsync("ride", rideId);
        var retried = await rides.RequestRideAsync("r1", rideId);
        Assert.Equal(RideStatus.FindingDriver, retried.Status);
        var offer = await offers.NextAsync();
        Assert.Equal((DriverOfferEventKind.Offered, rideId, 1), (offer.Kind, offer.RideId, offer.Offer!.Round));
        Assert.Equal(1, await stored.WritesAsync("ride", rideId));
    }

    /// <summary>Counts the ride table's writes from here on, then d1 comes online and r1 requests a ride, which d1 is offered.</summary>
    private static async Task<(StoredGrainStates Stored, string RideId, IRideGrain Ride)> RequestCountingWritesAsync(RidesTestCluster rides)
    {
        var stored = await StoredGrainStates.InstallAsync(rides.ConnectionString);
        await rides.OnlineDriverAsync("d1");
        var rideId = (await rides.RequestRideAsync("r1")).RideId;
        return (stored, rideId, rides.Ride(rideId));
    }

    private static Task UntilDriverFreedAsync(RidesTestCluster rides) =>
        UntilAsync(async () => (await rides.Driver("d1").Get(Driver).DefaultTimeout()).CurrentRideId is null, "the driver was not freed 10 s after the ride completed");

    private static async Task UntilAsync(Func<Task<bool>> condition, string failure)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task Dispatch_resumes_after_a_silo_restart_through_the_ride_reminder()
    {
        await using var rides = await RidesTestCluster.StartAsync(dispatch: o =>
        {
            o.BatchSize = 1;
            o.LocationStaleAfter = TimeSpan.FromHours(1);
        });
        await rides.OnlineDriverAsync("d1", northMeters: 100);
        await rides.OnlineDriverAsync("d2", northMeters: 1300);
        var rideId = (await rides.RequestRideAsync("r1")).RideId;

        await rides.RestartAllSilosAsync().DefaultTimeout();

        // The index is memory: drivers re-appear with their next location update.
        rides.Time.Advance(TimeSpan.FromSeconds(1));
        await rides.OnlineDriverAsync("d2", northMeters: 1300);
        await using var d2Offers = await rides.Probe<DriverOfferEvent>(Topics.DriverOffers("d2")).StartAsync();

        // No call reaches the ride: its reminder activates it, it finds its round expired and moves on.
        rides.Time.Advance(TimeSpan.FromSeconds(60));
        var offer = await d2Offers.NextAsync();
        Assert.Equal((DriverOfferEventKind.Offered, rideId, 2), (offer.Kind, offer.RideId, offer.Offer!.Round));
    }

    [Fact]
    public async Task A_deactivated_driver_keeps_its_profile_rating_and_online_status()
    {
        await using var rides = await RidesTestCluster.StartAsync();
        await rides.OnlineDriverAsync("d1");
        var ride = rides.Ride((await rides.RequestRideAsync("r1")).RideId);
        await ride.Accept(Driver).DefaultTimeout();
        await ride.Start(Driver).DefaultTimeout();
        await ride.Complete(Driver).DefaultTimeout();
        await ride.RateDriver(Rider, new RatingRequest(4)).DefaultTimeout();

        await rides.RestartAllSilosAsync().DefaultTimeout();

        var view = await rides.Driver("d1").Get(Driver).DefaultTimeout();
        Assert.Equal(("Driver d1", VehicleType.Standard, 4.0, 1, true), (view.Profile.Name, view.Profile.VehicleType, view.Rating, view.RatingCount, view.IsOnline));
        Assert.True((await ride.Get(Rider).DefaultTimeout()).DriverRated);
    }
}
