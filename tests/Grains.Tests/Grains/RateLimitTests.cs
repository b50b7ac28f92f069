using Rides.Grains.Chat;
using Rides.Grains.Drivers;
using Rides.Grains.Errors;
using Rides.Grains.Tests.Infrastructure;
using Rides.TestInfrastructure;

namespace Rides.Grains.Tests.Grains;

public sealed class RateLimitTests
{
    [Fact]
    public async Task A_second_location_update_within_a_second_is_refused_and_one_at_the_second_is_accepted()
    {
        await using var rides = await RidesTestCluster.StartAsync();
        await rides.OnlineDriverAsync("d1");
        var driver = rides.Driver("d1");
        var caller = Caller.Driver("d1");
        var update = new LocationUpdate(37.78, -122.42, 180, 3);

        rides.Time.Advance(TimeSpan.FromMilliseconds(999));
        var ex = await Refusal.Expect(ErrorCodes.RateLimited, () => driver.UpdateLocation(caller, update));
        Assert.Equal("retry_after_ms: 1", ex.Detail);
        rides.Time.Advance(TimeSpan.FromMilliseconds(1));
        await driver.UpdateLocation(caller, update).DefaultTimeout();
        await Refusal.Expect(ErrorCodes.RateLimited, () => driver.UpdateLocation(caller, update));
        Assert.Equal(rides.Time.GetUtcNow(), (await driver.Get(caller).DefaultTimeout()).Location!.At);
    }

    [Fact]
    public async Task Location_updates_are_validated_and_need_the_driver_online()
    {
        await using var rides = await RidesTestCluster.StartAsync();
        var caller = Caller.Driver("d1");
        await Refusal.Expect(ErrorCodes.DriverOffline, () => rides.Driver("d1").UpdateLocation(caller, new LocationUpdate(1, 1)));
        await rides.Driver("d1").GoOnline(caller).DefaultTimeout();
        await Refusal.Expect(ErrorCodes.ValidationFailed, () => rides.Driver("d1").UpdateLocation(caller, new LocationUpdate(1, 181)));
        await Refusal.Expect(ErrorCodes.ValidationFailed, () => rides.Driver("d1").UpdateLocation(caller, new LocationUpdate(1, 1, Heading: 361)));
        await Refusal.Expect(ErrorCodes.Forbidden, () => rides.Driver("d1").UpdateLocation(Caller.Driver("d2"), new LocationUpdate(1, 1)));
        await Refusal.Expect(ErrorCodes.Forbidden, () => rides.Driver("d1").UpdateLocation(Caller.Rider("d1"), new LocationUpdate(1, 1)));
        await rides.Driver("d1").UpdateLocation(caller, new LocationUpdate(1, 1)).DefaultTimeout();
    }

    [Fact]
    public async Task A_sixth_chat_message_within_a_minute_is_refused_and_accepted_once_the_first_leaves_the_window()
    {
        await using var rides = await RidesTestCluster.StartAsync();
        await rides.OnlineDriverAsync("d1");
        var rideId = (await rides.RequestRideAsync("r1")).RideId;
        await rides.Ride(rideId).Accept(Caller.Driver("d1")).DefaultTimeout();
        var chat = rides.Grains.GetGrain<IChatRoomGrain>(rideId);
        var rider = Caller.Rider("r1");

        for (var i = 1; i <= 5; i++)
        {
            await chat.Send(rider, $"m{i}").DefaultTimeout();
        }

        var ex = await Refusal.Expect(ErrorCodes.RateLimited, () => chat.Send(rider, "m6"));
        Assert.Equal("retry_after_ms: 60000", ex.Detail);
        Assert.Equal(6, (await chat.Send(Caller.Driver("d1"), "the driver is not limited by the rider").DefaultTimeout()).Id);
        rides.Time.Advance(TimeSpan.FromSeconds(60) - TimeSpan.FromMilliseconds(1));
        await Refusal.Expect(ErrorCodes.RateLimited, () => chat.Send(rider, "m6"));
        rides.Time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(7, (await chat.Send(rider, "m6").DefaultTimeout()).Id);
    }
}
