using System.Text.Json;
using System.Text.Json.Nodes;
using Rides.Edge.Tests.Client;

namespace Rides.Edge.Tests.Dialects;

/// <summary>Seed 001's plain WebSocket at <c>/api/v1/ws/connect</c> through a whole ride, and its replay with <c>last_event_id</c>.</summary>
public sealed class Seed001FlowTests(EdgeServerFixture fixture) : IClassFixture<EdgeServerFixture>
{
    private EdgeTestServer Server => fixture.Server;

    [Fact]
    public async Task A_whole_ride_runs_over_seed_001_sockets_from_request_to_completion()
    {
        var area = TestArea.Next();
        var driverId = TestIds.New("driver");
        var driverToken = EdgeTestServer.Token(driverId, "driver", "John Doe");
        var riderId = TestIds.New("rider");
        var riderToken = EdgeTestServer.Token(riderId, "rider", "Rita");

        // Driver app: connect, go online, report a position near the pickup.
        await using var driver = await Server.Seed001Async(driverToken);
        var hello = await driver.WaitForAsync("connected");
        Assert.Equal(driverId, hello.Str("data.user_id"));
        Assert.True(hello.At("data.is_driver").GetBoolean());
        Assert.True(hello.Has("timestamp"));
        var online = await driver.RequestAsync(new JsonObject { ["type"] = "driver_online" }, "driver_status");
        Assert.True(online.At("data.is_online").GetBoolean());
        await driver.RequestAsync(Location(area, 200), "location_updated");

        // Passenger app: connect, request the ride over REST, join its room.
        await using var rider = await Server.Seed001Async(riderToken);
        var riderHello = await rider.WaitForAsync("connected");
        Assert.False(riderHello.At("data.is_driver").GetBoolean());
        var created = await Server.SendAsync(HttpMethod.Post, "/api/v1/riders/rides", riderToken, area.RideRequest());
        Assert.Equal(201, created.Status);
        var rideId = created.Json.Str("ride_id")!;
        var joined = await rider.RequestAsync(new JsonObject { ["type"] = "join_ride", ["ride_id"] = rideId }, "ride_joined");
        Assert.Equal("findingDriver", joined.Str("data.status"));
        Assert.Equal($"ride-status/{rideId}/1", joined.Str("data.last_event_id"));

        // The nearby driver hears of the request in seed 001's words.
        var requested = await driver.WaitForAsync("ride_requested", e => e.Str("data.ride_id") == rideId);
        Assert.Equal(riderId, requested.Str("data.passenger_id"));
        Assert.Equal("standard", requested.Str("data.ride_type"));
        Assert.Equal(area.Latitude, requested.Dbl("data.pickup_latitude"), 6);
        Assert.Equal(area.Longitude, requested.Dbl("data.pickup_longitude"), 6);
        Assert.Equal(area.Latitude + 0.027, requested.Dbl("data.dropoff_latitude"), 6);
        Assert.True(requested.At("data.estimated_fare").GetDecimal() > 0);
        Assert.Equal(rideId, requested.Str("metadata.ride_id"));
        Assert.StartsWith($"driver-offers/{driverId}/", requested.Str("event_id"), StringComparison.Ordinal);

        // The driver accepts over the platform's API (seed 001's driver app does it over REST), then joins the room.
        await using var driverApi = await Server.ConnectAsync(driverToken);
        Envelope.Success(await driverApi.InvokeAsync("accept_ride", new JsonObject { ["ride_id"] = rideId }).DefaultTimeout());
        var accepted = await rider.WaitForAsync("ride_accepted");
        Assert.Equal(rideId, accepted.Str("data.ride_id"));
        Assert.Equal(driverId, accepted.Str("data.driver_id"));
        Assert.Equal("John Doe", accepted.Str("data.driver_name"));
        Assert.Equal("standard", accepted.Str("data.vehicle_type"));
        Assert.True(accepted.Dbl("data.driver_rating") > 0);
        Assert.True(accepted.Has("data.estimated_arrival"));
        Assert.Equal($"ride-status/{rideId}/2", accepted.Str("event_id"));
        var driverJoined = await driver.RequestAsync(new JsonObject { ["type"] = "join_ride", ["ride_id"] = rideId }, "ride_joined");
        Assert.Equal("arrivingToPickup", driverJoined.Str("data.status"));

        // On the way the passenger sees the driver move; the driver never gets its own location.
        await driver.RequestAsync(Location(area, 50), "location_updated");
        var moved = await rider.WaitForAsync("driver_location_update");
        Assert.Equal(driverId, moved.Str("data.driver_id"));
        Assert.Equal(area.Offset(50).Latitude, moved.Dbl("data.latitude"), 6);
        Assert.Equal(90.0, moved.Dbl("data.heading"));
        Assert.StartsWith($"ride-location/{rideId}/", moved.Str("event_id"), StringComparison.Ordinal);

        // Arrival is notified from the driver's socket; both sockets in the room hear it.
        await driver.SendAsync(new JsonObject { ["type"] = "driver_arrived", ["ride_id"] = rideId });
        var arrived = await rider.WaitForAsync("driver_arrived");
        Assert.Equal(driverId, arrived.Str("data.driver_id"));
        Assert.Equal($"ride-status/{rideId}/3", arrived.Str("event_id"));
        await driver.WaitForAsync("driver_arrived");

        Envelope.Success(await driverApi.InvokeAsync("start_ride", new JsonObject { ["ride_id"] = rideId }).DefaultTimeout());
        var started = await rider.WaitForAsync("ride_started");
        Assert.Equal(rideId, started.Str("data.ride_id"));
        Assert.True(started.Has("data.started_at"));

        await driver.RequestAsync(Location(area, 1500), "location_updated");
        await driver.RequestAsync(Location(area, 3000), "location_updated");
        var completed = Envelope.Success(await driverApi.InvokeAsync("complete_ride", new JsonObject { ["ride_id"] = rideId }).DefaultTimeout());
        var done = await rider.WaitForAsync("ride_completed");
        Assert.Equal(completed.At("ride_data.fare").GetDecimal(), done.At("data.final_fare").GetDecimal());
        Assert.True(done.At("data.final_fare").GetDecimal() > 0);
        Assert.True(done.Has("data.completed_at"));
        await driver.WaitForAsync("ride_completed");

        // The passenger's ride events came once each, in order.
        string[] rideEvents = ["ride_accepted", "driver_arrived", "ride_started", "ride_completed"];
        var ids = rider.Frames.All.Where(f => rideEvents.Contains(f.Target)).Select(f => f.Payload.Str("event_id")).ToArray();
        Assert.Equal([2, 3, 4, 5], ids.Select(id => int.Parse(id!.Split('/')[2], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Empty(driver.Of("driver_location_update"));
    }

    [Fact]
    public async Task A_cancelled_ride_reaches_the_passenger_as_ride_cancelled_by_passenger()
    {
        var area = TestArea.Next();
        var riderToken = EdgeTestServer.Token(TestIds.New("rider"), "rider");
        await using var rider = await Server.Seed001Async(riderToken);
        var rideId = (await Server.SendAsync(HttpMethod.Post, "/api/v1/riders/rides", riderToken, area.RideRequest())).Json.Str("ride_id")!;
        await rider.RequestAsync(new JsonObject { ["type"] = "join_ride", ["ride_id"] = rideId }, "ride_joined");
        await using var riderApi = await Server.ConnectAsync(riderToken);
        Envelope.Success(await riderApi.InvokeAsync("cancel_ride", new JsonObject { ["ride_id"] = rideId, ["reason"] = "Changed my mind" }).DefaultTimeout());
        var cancelled = await rider.WaitForAsync("ride_cancelled");
        Assert.Equal(rideId, cancelled.Str("data.ride_id"));
        Assert.Equal("passenger", cancelled.Str("data.cancelled_by"));
        Assert.Equal("Changed my mind", cancelled.Str("data.reason"));
    }

    [Fact]
    public async Task A_reconnecting_passenger_passes_last_event_id_and_gets_exactly_what_it_missed()
    {
        await using var scenario = await RideScenario.OfferedAsync(Server);
        var rideId = scenario.RideId;

        // The passenger's socket holds event 1 (the request), then drops.
        var first = await Server.Seed001Async(scenario.Rider.Token);
        var joined = await first.RequestAsync(new JsonObject { ["type"] = "join_ride", ["ride_id"] = rideId }, "ride_joined");
        var lastSeen = joined.Str("data.last_event_id")!;
        Assert.Equal($"ride-status/{rideId}/1", lastSeen);
        await first.DisposeAsync();

        Envelope.Success(await scenario.AcceptAsync());
        Envelope.Success(await scenario.Driver.Hub.InvokeAsync("driver_arrived", scenario.RidePayload()).DefaultTimeout());

        // Reconnecting with last_event_id replays 2 and 3 before ride_joined, then the ride goes on live.
        await using var again = await Server.Seed001Async(scenario.Rider.Token, "&last_event_id=" + Uri.EscapeDataString(lastSeen));
        var resumed = await again.WaitForAsync("ride_joined");
        Assert.Equal("driverArrived", resumed.Str("data.status"));
        Assert.Equal($"ride-status/{rideId}/3", resumed.Str("data.last_event_id"));
        Envelope.Success(await scenario.Driver.Hub.InvokeAsync("start_ride", scenario.RidePayload()).DefaultTimeout());
        await again.WaitForAsync("ride_started");

        string[] rideEvents = ["ride_accepted", "driver_arrived", "ride_started", "ride_joined"];
        var seen = again.Frames.All.Where(f => rideEvents.Contains(f.Target)).Select(f => f.Target + " " + (f.Payload.Has("event_id") ? f.Payload.Str("event_id") : string.Empty)).ToArray();
        Assert.Equal(
            [$"ride_accepted ride-status/{rideId}/2", $"driver_arrived ride-status/{rideId}/3", "ride_joined ", $"ride_started ride-status/{rideId}/4"],
            seen);
    }

    [Fact]
    public async Task Join_ride_with_last_event_id_replays_after_it_and_drops_nothing_live()
    {
        await using var scenario = await RideScenario.AcceptedAsync(Server);
        var rideId = scenario.RideId;
        Envelope.Success(await scenario.Driver.Hub.InvokeAsync("driver_arrived", scenario.RidePayload()).DefaultTimeout());

        await using var rider = await Server.Seed001Async(scenario.Rider.Token);
        await rider.WaitForAsync("connected");
        var joined = await rider.RequestAsync(new JsonObject { ["type"] = "join_ride", ["ride_id"] = rideId, ["last_event_id"] = $"ride-status/{rideId}/1" }, "ride_joined");
        Assert.Equal($"ride-status/{rideId}/3", joined.Str("data.last_event_id"));
        Assert.Equal([$"ride-status/{rideId}/2"], rider.Of("ride_accepted").Select(e => e.Str("event_id")));
        Assert.Equal([$"ride-status/{rideId}/3"], rider.Of("driver_arrived").Select(e => e.Str("event_id")));

        // Joining again without last_event_id repeats nothing.
        await rider.RequestAsync(new JsonObject { ["type"] = "join_ride", ["ride_id"] = rideId }, "ride_joined");
        Envelope.Success(await scenario.Driver.Hub.InvokeAsync("start_ride", scenario.RidePayload()).DefaultTimeout());
        await rider.WaitForAsync("ride_started");
        Assert.Single(rider.Of("ride_accepted"));
        Assert.Single(rider.Of("driver_arrived"));
        Assert.Single(rider.Of("ride_started"));
    }

    [Fact]
    public async Task A_last_event_id_that_is_not_a_ride_event_gets_an_error_frame()
    {
        await using var rider = await Server.Seed001Async(EdgeTestServer.Token(TestIds.New("rider"), "rider"), "&last_event_id=nonsense");
        var error = await rider.WaitForAsync("error");
        Assert.Equal("VALIDATION_FAILED", error.Str("data.code"));
        Assert.Contains("last_event_id", error.Str("data.detail"), StringComparison.Ordinal);
        Assert.True(rider.IsOpen);
    }

    private static JsonObject Location(TestArea area, double metersNorth)
    {
        var location = area.Location(metersNorth);
        location["type"] = "update_location";
        return location;
    }
}
