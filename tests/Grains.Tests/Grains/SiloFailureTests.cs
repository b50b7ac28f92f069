using System.Diagnostics;
using Rides.Grains.Rides;
using Rides.Grains.Tests.Infrastructure;
using Rides.TestInfrastructure;

namespace Rides.Grains.Tests.Grains;

/// <summary>
/// Silo failures on a TestCluster over PostgreSQL: the silo hosting live rides is killed (no graceful stop), and
/// the rides answer from the surviving silo with every acknowledged transition; a silo started afterwards joins
/// and hosts rides again. (The same on real processes, with timings, is in Edge.Tests' LocalClusterTests.)
/// </summary>
public sealed class SiloFailureTests
{
    [Fact]
    public async Task Rides_of_a_killed_silo_answer_from_another_with_every_acknowledged_transition_and_a_new_silo_serves_again()
    {
        await using var rides = await RidesTestCluster.StartAsync();
        var accepted = new List<(string RideId, Caller Driver, Caller Rider)>();
        for (var i = 0; i < 6; i++)
        {
            var driver = Caller.Driver("d" + i);
            var rider = Caller.Rider("r" + i);
            await rides.OnlineDriverAsync(driver.UserId, northMeters: 100 + (i * 20));
            var ride = await rides.RequestRideAsync(rider.UserId);
            await rides.Ride(ride.RideId).Accept(driver).DefaultTimeout();
            await rides.Ride(ride.RideId).MarkDriverArrived(driver).DefaultTimeout();
            accepted.Add((ride.RideId, driver, rider));
        }

        var management = rides.Client.GetGrain<IManagementGrain>(0);
        var host = await management.GetActivationAddress(rides.Ride(accepted[0].RideId)).DefaultTimeout();
        var victim = rides.Cluster.Silos.Single(s => s.SiloAddress.Equals(host));
        var clock = Stopwatch.StartNew();
        await rides.Cluster.KillSiloAsync(victim).TimeoutAfter(TimeSpan.FromSeconds(30));

        foreach (var (rideId, driver, rider) in accepted)
        {
            var view = await rides.Ride(rideId).Get(rider).TimeoutAfter(TimeSpan.FromSeconds(30));
            Assert.Equal(RideStatus.DriverArrived, view.Status);
            Assert.Equal(driver.UserId, view.Driver?.DriverId);
            var events = await rides.Ride(rideId).GetEventsAfter(rider, 0).DefaultTimeout();
            Assert.Equal([1L, 2L, 3L], events.Select(e => e.Seq));
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"Rides took {clock.Elapsed.TotalSeconds:0.0} s to answer after the kill.");

        // The trip goes on from the surviving silo, numbered after what was stored.
        var (firstRide, firstDriver, firstRider) = accepted[0];
        await rides.Ride(firstRide).Start(firstDriver).DefaultTimeout();
        Assert.Equal(4, (await rides.Ride(firstRide).GetEventsAfter(firstRider, 3).DefaultTimeout()).Single().Seq);

        // A new silo joins and takes a share of new rides.
        var added = await rides.Cluster.StartAdditionalSiloAsync().TimeoutAfter(TimeSpan.FromSeconds(60));
        await rides.Cluster.WaitForLivenessToStabilizeAsync().TimeoutAfter(TimeSpan.FromSeconds(60));
        var fresh = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            fresh.Add((await rides.RequestRideAsync("later" + i)).RideId);
        }

        var hosts = await Task.WhenAll(fresh.Select(id => management.GetActivationAddress(rides.Ride(id)).AsTask()));
        Assert.Contains(added.SiloAddress, hosts);
        Assert.DoesNotContain(victim.SiloAddress, hosts);
    }
}
