using System.Text.Json.Nodes;

namespace Rides.Edge.Tests.Flows;

/// <summary>Seed 001's resumable events: a client that reconnects gets the state and what it missed after its last seq.</summary>
public sealed class ReconnectionTests(EdgeServerFixture fixture) : IClassFixture<EdgeServerFixture>
{
    private EdgeTestServer Server => fixture.Server;

    [Fact]
    public async Task A_reconnecting_rider_replays_exactly_the_events_missed_after_its_last_seq()
    {
        await using var scenario = await RideScenario.OfferedAsync(Server);
        var rideId = scenario.RideId;

        // The rider holds seq 1 (the request), then loses its connection.
        await scenario.Rider.Hub.DisposeAsync();

        Envelope.Success(await scenario.AcceptAsync());
        Envelope.Success(await scenario.Driver.Hub.InvokeAsync("driver_arrived", scenario.RidePayload()).DefaultTimeout());

        await using var again = await Server.ConnectAsync(scenario.Rider.Token);
        var joined = Envelope.Success(await again.InvokeAsync("join_ride_room", scenario.RidePayload()).DefaultTimeout());
        Assert.Equal("driverArrived", joined.Str("ride_data.status"));
        Assert.Equal(3, joined.Long("last_seq"));

        var missed = Envelope.Success(await again.InvokeAsync("get_missed_events", new JsonObject { ["ride_id"] = rideId, ["after_seq"] = 1 }).DefaultTimeout());
        Assert.Equal(2, missed.Long("count"));
        Assert.Equal(3, missed.Long("last_seq"));
        var events = missed.At("events").EnumerateArray().ToArray();
        Assert.Equal([2L, 3L], events.Select(e => e.Long("seq")));
        Assert.Equal(["arrivingToPickup", "driverArrived"], events.Select(e => e.Str("status")));
        Assert.Equal([$"ride-status/{rideId}/2", $"ride-status/{rideId}/3"], events.Select(e => e.Str("event_id")));

        // The resumed connection is live again: the next event arrives as a normal update.
        Envelope.Success(await scenario.Driver.Hub.InvokeAsync("start_ride", scenario.RidePayload()).DefaultTimeout());
        var next = await again.Events.WaitForAsync("ride_status_update", e => e.Str("status") == "drivingToDestination");
        Assert.Equal(4, next.Long("seq"));
    }

    [Fact]
    public async Task Get_ride_state_returns_the_state_and_last_seq_without_joining()
    {
        await using var scenario = await RideScenario.AcceptedAsync(Server);
        await using var again = await Server.ConnectAsync(scenario.Rider.Token);
        var state = Envelope.Success(await again.InvokeAsync("get_ride_state", scenario.RidePayload()).DefaultTimeout());
        Assert.Equal("Ride state retrieved", state.Str("message"));
        Assert.Equal("arrivingToPickup", state.Str("ride_data.status"));
        Assert.Equal(2, state.Long("last_seq"));
        Assert.Equal(scenario.Driver.Id, state.Str("ride_data.driver.driver_id"));
        Assert.DoesNotContain(Server.Subscriptions.TopicsOf(again.ConnectionId), s => s.Key == scenario.RideId);
    }

    [Fact]
    public async Task Replay_after_the_last_seq_is_empty()
    {
        await using var scenario = await RideScenario.AcceptedAsync(Server);
        var missed = Envelope.Success(await scenario.Rider.Hub.InvokeAsync("get_missed_events", new JsonObject { ["ride_id"] = scenario.RideId, ["after_seq"] = 2 }).DefaultTimeout());
        Assert.Equal(0, missed.Long("count"));
        Assert.Equal(2, missed.Long("last_seq"));
    }
}
