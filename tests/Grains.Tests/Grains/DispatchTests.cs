using Rides.Grains.Dispatch;
using Rides.Grains.Domain.Dispatch;
using Rides.Grains.Domain.Geo;
using Rides.Grains.Events;
using Rides.Grains.Drivers;
using Rides.Grains.Errors;
using Rides.Grains.Rides;
using Rides.Grains.Tests.Infrastructure;
using Rides.TestInfrastructure;

namespace Rides.Grains.Tests.Grains;

public sealed class DispatchTests
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task The_first_batch_goes_to_the_five_nearest_drivers_and_the_next_batch_after_the_offer_ttl()
    {
        await using var rides = await RidesTestCluster.StartAsync();
        var probes = new List<TopicProbe<DriverOfferEvent>>();
        for (var i = 1; i <= 7; i++)
        {
            await rides.OnlineDriverAsync($"d{i}", northMeters: i * 100);
            probes.Add(await rides.Probe<DriverOfferEvent>(Topics.DriverOffers($"d{i}")).StartAsync());
        }

        var ride = await rides.RequestRideAsync("r1");
        for (var i = 0; i < 5; i++)
        {
            var offer = await probes[i].NextAsync();
            Assert.Equal((DriverOfferEventKind.Offered, ride.RideId, 1), (offer.Kind, offer.RideId, offer.Offer!.Round));
            Assert.Equal(rides.Time.GetUtcNow() + Ttl, offer.Offer.ExpiresAt);
            Assert.Equal((i + 1) * 100, offer.Offer.DistanceToPickupMeters, 0);
        }

        Assert.Equal(0, await probes[5].PublishedCountAsync());
        Assert.Equal(0, await probes[6].PublishedCountAsync());

        rides.Time.Advance(Ttl);
        for (var i = 0; i < 5; i++)
        {
            var withdrawn = await probes[i].NextAsync();
            Assert.Equal((DriverOfferEventKind.Withdrawn, OfferWithdrawalReasons.Expired), (withdrawn.Kind, withdrawn.Reason));
        }

        Assert.Equal(2, (await probes[5].NextAsync()).Offer!.Round);
        Assert.Equal(2, (await probes[6].NextAsync()).Offer!.Round);
        Assert.Equal(2, (await rides.Ride(ride.RideId).Get(Caller.Rider("r1")).DefaultTimeout()).DispatchRound);
        foreach (var probe in probes)
        {
            await probe.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_cell_answers_a_search_with_its_nearest_matches_only()
    {
        await using var rides = await RidesTestCluster.StartAsync();
        for (var i = 1; i <= 9; i++)
        {
            await rides.OnlineDriverAsync($"d{i}", northMeters: i * 60);
        }

        await rides.OnlineDriverAsync("moto", northMeters: 250, type: VehicleType.Moto);
        var planner = new DispatchPlanner(new DispatchOptions());
        var pickup = RidesTestCluster.Center;
        var cellOf = planner.Grid.CellOf(GeoMath.Offset(pickup, 300, 0));
        var inCell = Enumerable.Range(1, 9).Where(i => planner.Grid.CellOf(GeoMath.Offset(pickup, i * 60, 0)) == cellOf).Select(i => $"d{i}").ToList();
        Assert.True(inCell.Count >= 7, $"the test needs seven drivers in one cell, found {inCell.Count}");
        var search = planner.SearchForRound(pickup, VehicleType.Standard, 1, [inCell[1]], rides.Time.GetUtcNow());
        var nearest = await rides.Grains.GetGrain<IGeoCellGrain>(cellOf.Key).FindNearest(search).DefaultTimeout();
        Assert.Equal(inCell.Where((_, i) => i != 1).Take(5), nearest.Select(e => e.DriverId));

        // A first round reads the few cells around the pickup (at most six at the default size), not 25.
        Assert.InRange(planner.CellsForRound(pickup, 1).Count, 2, 6);
    }

    [Fact]
    public async Task The_radius_widens_batch_by_batch_and_the_ride_is_canceled_with_no_driver_found_after_the_last()
    {
        await using var rides = await RidesTestCluster.StartAsync(dispatch: o =>
        {
            o.BatchSize = 2;
            o.LocationStaleAfter = TimeSpan.FromHours(1);
        });
        var distances = new Dictionary<string, double> { ["d1"] = 500, ["d2"] = 700, ["d3"] = 1300, ["d4"] = 1800, ["d5"] = 2500 };
        var probes = new Dictionary<string, TopicProbe<DriverOfferEvent>>();
        foreach (var (id, meters) in distances)
        {
            await rides.OnlineDriverAsync(id, northMeters: meters);
            probes[id] = await rides.Probe<DriverOfferEvent>(Topics.DriverOffers(id)).StartAsync();
        }

        var rideId = RideIds.New();
        await using var status = await rides.Probe<RideStatusEvent>(Topics.RideStatus(rideId)).StartAsync();
        await rides.RequestRideAsync("r1", rideId);
        Assert.Equal(1, (await probes["d1"].NextAsync()).Offer!.Round);
        Assert.Equal(1, (await probes["d2"].NextAsync()).Offer!.Round);

        rides.Time.Advance(Ttl);
        Assert.Equal(DriverOfferEventKind.Withdrawn, (await probes["d1"].NextAsync()).Kind);
        Assert.Equal(2, (await probes["d3"].NextAsync()).Offer!.Round);

        // The offer is out before the batch's turn arms its timer: let that turn finish before moving the clock.
        await QuiesceAsync(rides, rideId);
        rides.Time.Advance(Ttl);
        Assert.Equal(DriverOfferEventKind.Withdrawn, (await probes["d3"].NextAsync()).Kind);
        Assert.Equal(3, (await probes["d4"].NextAsync()).Offer!.Round);

        await QuiesceAsync(rides, rideId);
        rides.Time.Advance(Ttl);
        Assert.Equal(OfferWithdrawalReasons.Expired, (await probes["d4"].NextAsync()).Reason);
        await status.NextMatchingAsync(e => e.Status == RideStatus.FindingDriver);
        var canceled = await status.NextAsync();
        Assert.Equal(RideStatus.Canceled, canceled.Status);
        Assert.Equal(new CancellationInfo(UserRole.System, "system", CancelReasons.NoDriverFound, RideStatus.FindingDriver), canceled.Cancellation);
        Assert.Equal(0, await probes["d5"].PublishedCountAsync());
        Assert.Null((await rides.Grains.GetGrain<Riders.IRiderGrain>("r1").Get(Caller.Rider("r1")).DefaultTimeout()).ActiveRideId);
        foreach (var probe in probes.Values)
        {
            await probe.DisposeAsync();
        }
    }

    /// <summary>A call queues behind the ride's running turn, so when it returns the turn (and its timer) is done.</summary>
    private static Task QuiesceAsync(RidesTestCluster rides, string rideId) => rides.Ride(rideId).Get(Caller.System).DefaultTimeout();

    [Fact]
    public async Task A_ride_with_no_driver_anywhere_waits_one_offer_ttl_and_is_canceled_with_no_driver_found()
    {
        await using var rides = await RidesTestCluster.StartAsync();
        var rideId = RideIds.New();
        await using var status = await rides.Probe<RideStatusEvent>(Topics.RideStatus(rideId)).StartAsync();
        var view = await rides.RequestRideAsync("r1", rideId);
        Assert.Equal(3, view.DispatchRound);
        rides.Time.Advance(Ttl - TimeSpan.FromMilliseconds(1));
        Assert.Equal(RideStatus.FindingDriver, (await rides.Ride(rideId).Get(Caller.Rider("r1")).DefaultTimeout()).Status);
        rides.Time.Advance(TimeSpan.FromMilliseconds(1));
        var canceled = await status.NextMatchingAsync(e => e.Status == RideStatus.Canceled);
        Assert.Equal(CancelReasons.NoDriverFound, canceled.Cancellation!.Reason);
    }

    [Fact]
    public async Task The_first_acceptance_wins_and_the_other_offers_are_withdrawn()
    {
        await using var rides = await RidesTestCluster.StartAsync();
        var probes = new List<TopicProbe<DriverOfferEvent>>();
        for (var i = 1; i <= 3; i++)
        {
            await rides.OnlineDriverAsync($"d{i}", northMeters: i * 100);
            probes.Add(await rides.Probe<DriverOfferEvent>(Topics.DriverOffers($"d{i}")).StartAsync());
        }

        var ride = rides.Ride((await rides.RequestRideAsync("r1")).RideId);
        Assert.Equal(DriverOfferEventKind.Offered, (await probes[0].NextAsync()).Kind);
        await ride.Accept(Caller.Driver("d2")).DefaultTimeout();
        await Refusal.Expect(ErrorCodes.RideAlreadyAssigned, () => ride.Accept(Caller.Driver("d1")));
        await Refusal.Expect(ErrorCodes.RideAlreadyAssigned, () => ride.Accept(Caller.Driver("d3")));

        var withdrawn = await probes[0].NextAsync();
        Assert.Equal((DriverOfferEventKind.Withdrawn, OfferWithdrawalReasons.AcceptedByAnotherDriver), (withdrawn.Kind, withdrawn.Reason));
        Assert.Equal(OfferWithdrawalReasons.AcceptedByAnotherDriver, (await probes[2].NextMatchingAsync(e => e.Kind == DriverOfferEventKind.Withdrawn)).Reason);
        Assert.Equal(1, await probes[1].PublishedCountAsync());
        Assert.Equal([], (await rides.Driver("d1").Get(Caller.Driver("d1")).DefaultTimeout()).PendingOfferRideIds);
        foreach (var probe in probes)
        {
            await probe.DisposeAsync();
        }
    }

    [Fact]
    public async Task An_offer_cannot_be_accepted_after_its_ttl_nor_by_a_driver_it_was_not_offered_to()
    {
        await using var rides = await RidesTestCluster.StartAsync(dispatch: o => o.LocationStaleAfter = TimeSpan.FromHours(1));
        await rides.OnlineDriverAsync("d1", northMeters: 100);
        await rides.OnlineDriverAsync("far", northMeters: 5000);
        var rideId = (await rides.RequestRideAsync("r1")).RideId;
        await Refusal.Expect(ErrorCodes.RideNotOffered, () => rides.Ride(rideId).Accept(Caller.Driver("far")));
        rides.Time.Advance(Ttl);
        await Refusal.Expect(ErrorCodes.OfferExpired, () => rides.Ride(rideId).Accept(Caller.Driver("d1")));
    }

    [Fact]
    public async Task A_driver_whose_location_is_stale_is_never_offered()
    {
        await using var rides = await RidesTestCluster.StartAsync();
        await rides.OnlineDriverAsync("stale", northMeters: 100);
        rides.Time.Advance(TimeSpan.FromSeconds(31));
        await rides.OnlineDriverAsync("fresh", northMeters: 800);
        await using var staleOffers = await rides.Probe<DriverOfferEvent>(Topics.DriverOffers("stale")).StartAsync();
        await using var freshOffers = await rides.Probe<DriverOfferEvent>(Topics.DriverOffers("fresh")).StartAsync();

        await rides.RequestRideAsync("r1");
        Assert.Equal(DriverOfferEventKind.Offered, (await freshOffers.NextAsync()).Kind);
        Assert.Equal(0, await staleOffers.PublishedCountAsync());
    }

    [Fact]
    public async Task Busy_and_offline_drivers_are_never_offered()
    {
        await using var rides = await RidesTestCluster.StartAsync();
        await rides.OnlineDriverAsync("busy", northMeters: 100);
        await rides.OnlineDriverAsync("offline", northMeters: 150);
        await rides.OnlineDriverAsync("free", northMeters: 900);
        await rides.Driver("offline").GoOffline(Caller.Driver("offline")).DefaultTimeout();
        var first = await rides.RequestRideAsync("r1");
        await rides.Ride(first.RideId).Accept(Caller.Driver("busy")).DefaultTimeout();
        await using var busyOffers = await rides.Probe<DriverOfferEvent>(Topics.DriverOffers("busy")).StartAsync();
        await using var offlineOffers = await rides.Probe<DriverOfferEvent>(Topics.DriverOffers("offline")).StartAsync();
        var busyBefore = await busyOffers.PublishedCountAsync();

        var second = await rides.RequestRideAsync("r2");
        Assert.Equal(busyBefore, await busyOffers.PublishedCountAsync());
        Assert.Equal(0, await offlineOffers.PublishedCountAsync());
        await Refusal.Expect(ErrorCodes.RideNotOffered, () => rides.Ride(second.RideId).Accept(Caller.Driver("busy")));
        Assert.Equal(RideStatus.ArrivingToPickup, (await rides.Ride(second.RideId).Accept(Caller.Driver("free")).DefaultTimeout()).Status);
    }

    [Fact]
    public async Task When_the_whole_batch_declines_the_next_batch_starts_at_once()
    {
        await using var rides = await RidesTestCluster.StartAsync(dispatch: o => o.BatchSize = 2);
        await rides.OnlineDriverAsync("d1", northMeters: 100);
        await rides.OnlineDriverAsync("d2", northMeters: 200);
        await rides.OnlineDriverAsync("d3", northMeters: 1300);
        await using var d3Offers = await rides.Probe<DriverOfferEvent>(Topics.DriverOffers("d3")).StartAsync();
        var ride = rides.Ride((await rides.RequestRideAsync("r1")).RideId);

        await ride.Decline(Caller.Driver("d1")).DefaultTimeout();
        await Refusal.Expect(ErrorCodes.RideNotOffered, () => ride.Decline(Caller.Driver("d1")));
        await Refusal.Expect(ErrorCodes.RideNotOffered, () => ride.Accept(Caller.Driver("d1")));
        await ride.Decline(Caller.Driver("d2")).DefaultTimeout();
        Assert.Equal(2, (await d3Offers.NextAsync()).Offer!.Round);
        Assert.Equal("d3", (await ride.Accept(Caller.Driver("d3")).DefaultTimeout()).Driver!.DriverId);
    }

    [Fact]
    public async Task A_driver_offered_two_rides_can_only_take_one()
    {
        await using var rides = await RidesTestCluster.StartAsync();
        await rides.OnlineDriverAsync("d1");
        var first = await rides.RequestRideAsync("r1");
        var second = await rides.RequestRideAsync("r2");
        var pending = (await rides.Driver("d1").Get(Caller.Driver("d1")).DefaultTimeout()).PendingOfferRideIds;
        Assert.Equal(new[] { first.RideId, second.RideId }.Order(StringComparer.Ordinal), pending);
        await rides.Ride(first.RideId).Accept(Caller.Driver("d1")).DefaultTimeout();
        await Refusal.Expect(ErrorCodes.DriverBusy, () => rides.Ride(second.RideId).Accept(Caller.Driver("d1")));
        Assert.Equal(RideStatus.FindingDriver, (await rides.Ride(second.RideId).Get(Caller.Rider("r2")).DefaultTimeout()).Status);
    }
}
