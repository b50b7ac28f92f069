using Rides.Grains.Domain.Geo;
using Rides.Grains.Drivers;
using Rides.Grains.Errors;
using Rides.Grains.Rides;
using Rides.Grains.Tests.Infrastructure;
using Rides.TestInfrastructure;

namespace Rides.Grains.Tests.Grains;

public sealed class AcceptanceRaceTests
{
    private const int Drivers = 50;
    private const int Rounds = 100;

    [Fact]
    public async Task Fifty_drivers_racing_to_accept_one_ride_leave_exactly_one_winner_a_hundred_times_over()
    {
        await using var rides = await RidesTestCluster.StartAsync(dispatch: o =>
        {
            o.BatchSize = Drivers;
            o.LocationStaleAfter = TimeSpan.FromDays(1);
        });
        var drivers = new List<string>();
        for (var i = 0; i < Drivers; i++)
        {
            // A 10 x 5 grid, 80 m apart, all within the first batch's 1 km radius.
            drivers.Add(await rides.OnlineDriverAsync($"d{i:00}", northMeters: (i / 10 * 80) + 50, eastMeters: (i % 10 * 80) - 360));
        }

        var rider = Caller.Rider("r1");
        var winners = new List<string>();
        for (var round = 0; round < Rounds; round++)
        {
            var ride = rides.Ride((await rides.RequestRideAsync("r1")).RideId);
            var attempts = drivers.Select(async id =>
            {
                try
                {
                    await ride.Accept(Caller.Driver(id));
                    return (id, Code: (string?)null);
                }
                catch (RidesException ex)
                {
                    return (id, Code: ex.Code);
                }
            }).ToList();
            var results = await Task.WhenAll(attempts).DefaultTimeout();

            var winner = Assert.Single(results, r => r.Code is null).id;
            Assert.All(results.Where(r => r.id != winner), r => Assert.Equal(ErrorCodes.RideAlreadyAssigned, r.Code));
            var view = await ride.Get(rider).DefaultTimeout();
            Assert.Equal((RideStatus.ArrivingToPickup, winner), (view.Status, view.Driver!.DriverId));
            winners.Add(winner);
            await ride.Cancel(rider, "race over").DefaultTimeout();
        }

        Assert.Equal(Rounds, winners.Count);
        foreach (var id in drivers)
        {
            Assert.Null((await rides.Driver(id).Get(Caller.Driver(id)).DefaultTimeout()).CurrentRideId);
        }
    }
}
