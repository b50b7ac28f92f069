using Microsoft.Extensions.DependencyInjection;
using Orleans.Providers;
using Orleans.Runtime;
using Orleans.Storage;
using Rides.Grains.Drivers;
using Rides.Grains.Errors;
using Rides.Grains.Riders;
using Rides.Grains.Rides;
using Rides.Grains.Tests.Infrastructure;
using Rides.TestInfrastructure;

namespace Rides.Grains.Tests.Grains;

public sealed class HistoryAndProfileTests
{
    private static readonly Caller Rider = Caller.Rider("r1", "Ann");
    private static readonly Caller Driver = Caller.Driver("d1", "Driver d1");

    [Fact]
    public async Task A_history_an_older_state_holds_moves_to_the_history_store_when_the_grain_activates()
    {
        await using var rides = await RidesTestCluster.StartAsync();
        var storage = rides.Cluster.Silos[0].SiloHost.Services.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);
        var t0 = new DateTimeOffset(2025, 6, 1, 8, 0, 0, TimeSpan.Zero);
        RideHistoryEntry Old(int i) => new("ride_old" + i, RideStatus.Completed, "d_old", new Place(52.5, 13.4, "A"), new Place(52.6, 13.5, "B"), 10m + i, t0.AddHours(i), t0.AddHours(i).AddMinutes(20), "r_old", 4.5, "USD");

        // As states were written before the history had its own store: the entries inside the state, newest first.
        await storage.WriteStateAsync("rider", GrainId.Create("rider", "r_old"), new GrainState<RiderState>(new RiderState { Name = "Olga", RideCount = 2, History = [Old(2), Old(1)] })).DefaultTimeout();
        await storage.WriteStateAsync("driver", GrainId.Create("driver", "d_old"), new GrainState<DriverState>(new DriverState { RatingSum = 9, RatingCount = 2, History = [Old(2), Old(1)] })).DefaultTimeout();

        var riderHistory = await rides.Grains.GetGrain<IRiderGrain>("r_old").GetHistory(Caller.Rider("r_old")).DefaultTimeout();
        Assert.Equal([Old(2), Old(1)], riderHistory.Rides);
        var driverHistory = await rides.Driver("d_old").GetHistory(Caller.Driver("d_old")).DefaultTimeout();
        Assert.Equal([Old(2), Old(1)], driverHistory.Rides);

        // The states no longer carry it; the rest of each state is as it was.
        var rider = new GrainState<RiderState>(new RiderState());
        await storage.ReadStateAsync("rider", GrainId.Create("rider", "r_old"), rider).DefaultTimeout();
        Assert.Empty(rider.State!.History);
        Assert.Equal(("Olga", 2), (rider.State.Name, rider.State.RideCount));
        var driver = new GrainState<DriverState>(new DriverState());
        await storage.ReadStateAsync("driver", GrainId.Create("driver", "d_old"), driver).DefaultTimeout();
        Assert.Empty(driver.State!.History);
        Assert.Equal((9L, 2), (driver.State.RatingSum, driver.State.RatingCount));

        // And once moved, the history survives the grains' next activations unchanged.
        await rides.RestartAllSilosAsync();
        Assert.Equal([Old(2), Old(1)], (await rides.Grains.GetGrain<IRiderGrain>("r_old").GetHistory(Caller.Rider("r_old")).DefaultTimeout()).Rides);
    }

    [Fact]
    public async Task Riders_and_drivers_keep_their_ended_rides_newest_first_in_pages_that_survive_a_silo_restart()
    {
        await using var rides = await RidesTestCluster.StartAsync();
        await rides.OnlineDriverAsync("d1");

        // Completed with the driver, canceled before any driver, canceled by the driver after accepting.
        var completed = (await rides.RequestRideAsync("r1")).RideId;
        await rides.Ride(completed).Accept(Driver).DefaultTimeout();
        await rides.Ride(completed).Start(Driver).DefaultTimeout();
        var fare = (await rides.Ride(completed).Complete(Driver).DefaultTimeout()).Receipt!.Fare;
        rides.Time.Advance(TimeSpan.FromSeconds(1));
        await rides.OnlineDriverAsync("d1");
        var unassigned = (await rides.RequestRideAsync("r1")).RideId;
        await rides.Ride(unassigned).Cancel(Rider, "Changed my mind").DefaultTimeout();
        var byDriver = (await rides.RequestRideAsync("r1")).RideId;
        await rides.Ride(byDriver).Accept(Driver).DefaultTimeout();
        await rides.Ride(byDriver).Cancel(Driver, "Flat tyre").DefaultTimeout();

        await rides.RestartAllSilosAsync().DefaultTimeout();

        var rider = rides.Grains.GetGrain<IRiderGrain>("r1");
        var first = await rider.GetHistory(Rider, limit: 2).DefaultTimeout();
        Assert.Equal([byDriver, unassigned], first.Rides.Select(r => r.RideId));
        Assert.Equal((3, 0, 2, true), (first.Total, first.Skip, first.Limit, first.HasMore));
        var second = await rider.GetHistory(Rider, limit: 2, skip: 2).DefaultTimeout();
        var done = Assert.Single(second.Rides);
        Assert.Equal((completed, RideStatus.Completed, fare, "d1", "r1"), (done.RideId, done.Status, done.Fare, done.DriverId, done.RiderId));
        Assert.Equal("USD", done.Currency);
        Assert.NotNull(done.DistanceKm);
        Assert.False(second.HasMore);

        var driverHistory = await rides.Driver("d1").GetHistory(Driver).DefaultTimeout();
        Assert.Equal([byDriver, completed], driverHistory.Rides.Select(r => r.RideId));
        Assert.Equal([RideStatus.Canceled, RideStatus.Completed], driverHistory.Rides.Select(r => r.Status));
        Assert.Equal(("r1", "d1"), (driverHistory.Rides[0].RiderId, driverHistory.Rides[0].DriverId));
        Assert.Equal(2, driverHistory.Total);
        Assert.Empty((await rides.Driver("d1").GetHistory(Driver, limit: 5, skip: 2).DefaultTimeout()).Rides);
    }

    [Fact]
    public async Task History_pages_are_validated_and_only_their_owner_and_the_back_office_read_them()
    {
        await using var rides = await RidesTestCluster.StartAsync();
        var rider = rides.Grains.GetGrain<IRiderGrain>("r1");
        await Refusal.Expect(ErrorCodes.ValidationFailed, () => rider.GetHistory(Rider, limit: 0));
        await Refusal.Expect(ErrorCodes.ValidationFailed, () => rider.GetHistory(Rider, limit: 101));
        var skip = await Refusal.Expect(ErrorCodes.ValidationFailed, () => rides.Driver("d1").GetHistory(Driver, skip: -1));
        Assert.Equal("skip: must be between 0 and 100", skip.Detail);
        await Refusal.Expect(ErrorCodes.Forbidden, () => rider.GetHistory(Caller.Rider("r2")));
        await Refusal.Expect(ErrorCodes.Forbidden, () => rider.GetHistory(Caller.Driver("r1")));
        await Refusal.Expect(ErrorCodes.Forbidden, () => rides.Driver("d1").GetHistory(Caller.Driver("d2")));
        await Refusal.Expect(ErrorCodes.Forbidden, () => rides.Driver("d1").GetHistory(Caller.Rider("d1")));
        Assert.Equal(0, (await rides.Driver("d1").GetHistory(Caller.Staff("s1")).DefaultTimeout()).Total);
        Assert.Equal(0, (await rider.GetHistory(Caller.Operator("o1")).DefaultTimeout()).Total);
    }

    [Fact]
    public async Task Profiles_keep_a_normalized_phone_and_refuse_a_malformed_one()
    {
        await using var rides = await RidesTestCluster.StartAsync();
        var rider = rides.Grains.GetGrain<IRiderGrain>("r1");
        var view = await rider.UpdateProfile(Rider, new RiderProfile("  Ann Rider ", "+237 6-12 34 56 78")).DefaultTimeout();
        Assert.Equal(("Ann Rider", "+237612345678"), (view.Name, view.Phone));
        var bad = await Refusal.Expect(ErrorCodes.ValidationFailed, () => rider.UpdateProfile(Rider, new RiderProfile("Ann", "call me")));
        Assert.Equal("phone: must be digits with an optional leading '+'", bad.Detail);
        var shortNumber = await Refusal.Expect(ErrorCodes.ValidationFailed, () => rider.UpdateProfile(Rider, new RiderProfile("Ann", "+12345")));
        Assert.Equal("phone: must have 7 to 15 digits", shortNumber.Detail);
        Assert.Equal("+237612345678", (await rider.Get(Rider).DefaultTimeout()).Phone);

        var driver = await rides.Driver("d1").UpdateProfile(Driver, new DriverProfile("Dan", "Toyota", "Corolla", VehicleType.Premium, "CM-1234-AB", "Black", "0044 20 7946 0958")).DefaultTimeout();
        Assert.Equal(("00442079460958", VehicleType.Premium), (driver.Profile.Phone, driver.Profile.VehicleType));
        await Refusal.Expect(ErrorCodes.ValidationFailed, () => rides.Driver("d1").UpdateProfile(Driver, new DriverProfile("Dan", Phone: "1234567890123456")));

        await rides.RestartAllSilosAsync().DefaultTimeout();
        Assert.Equal("+237612345678", (await rider.Get(Rider).DefaultTimeout()).Phone);
        Assert.Equal("00442079460958", (await rides.Driver("d1").Get(Driver).DefaultTimeout()).Profile.Phone);
    }

    [Fact]
    public async Task A_driver_whose_last_connection_closed_goes_offline_and_is_not_counted_online()
    {
        await using var rides = await RidesTestCluster.StartAsync();
        var stats = rides.Grains.GetGrain<Stats.IPlatformStatsGrain>(Stats.IPlatformStatsGrain.Key);
        var driver = rides.Driver("d1");
        await driver.AttachConnection("c1").DefaultTimeout();
        await driver.AttachConnection("c2").DefaultTimeout();
        await rides.OnlineDriverAsync("d1");
        Assert.Equal(1, (await stats.Get().DefaultTimeout()).OnlineDrivers);

        await driver.DetachConnection("c1").DefaultTimeout();
        Assert.True((await driver.Get(Driver).DefaultTimeout()).IsOnline);
        await driver.DetachConnection("c2").DefaultTimeout();
        Assert.False((await driver.Get(Driver).DefaultTimeout()).IsOnline);
        Assert.Equal(0, (await stats.Get().DefaultTimeout()).OnlineDrivers);
        await driver.DetachConnection("c2").DefaultTimeout();
        Assert.Equal(0, (await stats.Get().DefaultTimeout()).OnlineDrivers);
    }

    [Fact]
    public async Task A_driver_who_loses_its_connection_during_a_ride_keeps_it_and_goes_offline_when_it_ends()
    {
        await using var rides = await RidesTestCluster.StartAsync();
        var stats = rides.Grains.GetGrain<Stats.IPlatformStatsGrain>(Stats.IPlatformStatsGrain.Key);
        var driver = rides.Driver("d1");
        await driver.AttachConnection("c1").DefaultTimeout();
        await rides.OnlineDriverAsync("d1");
        var rideId = (await rides.RequestRideAsync("r1")).RideId;
        await rides.Ride(rideId).Accept(Driver).DefaultTimeout();

        await driver.DetachConnection("c1").DefaultTimeout();
        var during = await driver.Get(Driver).DefaultTimeout();
        Assert.Equal((true, rideId), (during.IsOnline, during.CurrentRideId));
        await rides.Ride(rideId).Start(Driver).DefaultTimeout();
        await rides.Ride(rideId).Complete(Driver).DefaultTimeout();

        var after = await driver.Get(Driver).DefaultTimeout();
        Assert.Equal((false, null), (after.IsOnline, after.CurrentRideId));
        Assert.Equal(0, (await stats.Get().DefaultTimeout()).OnlineDrivers);

        // A connection that came back during the ride keeps the driver online after it.
        await driver.AttachConnection("c2").DefaultTimeout();
        rides.Time.Advance(TimeSpan.FromSeconds(1));
        await rides.OnlineDriverAsync("d1");
        var second = (await rides.RequestRideAsync("r1")).RideId;
        await rides.Ride(second).Accept(Driver).DefaultTimeout();
        await driver.DetachConnection("c2").DefaultTimeout();
        await driver.AttachConnection("c3").DefaultTimeout();
        await rides.Ride(second).Cancel(Rider).DefaultTimeout();
        Assert.True((await driver.Get(Driver).DefaultTimeout()).IsOnline);
    }
}
