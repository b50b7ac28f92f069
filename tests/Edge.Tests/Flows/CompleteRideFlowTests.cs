using System.Text.Json.Nodes;

namespace Rides.Edge.Tests.Flows;

/// <summary>Seed 000's "Complete Ride Flow" for riders and drivers, over real WebSockets and REST.</summary>
public sealed class CompleteRideFlowTests(EdgeServerFixture fixture) : IClassFixture<EdgeServerFixture>
{
    private EdgeTestServer Server => fixture.Server;

    [Fact]
    public async Task A_whole_ride_runs_from_request_to_payment_with_every_event_reaching_its_participants()
    {
        var area = TestArea.Next();

        // Driver 1-2: go online, share location, receive the request.
        await using var driver = await Server.ConnectNewAsync("driver", "John Doe");
        var welcome = await driver.Hub.Events.WaitForAsync("server_message");
        Assert.StartsWith("Welcome", welcome.Str("msg"));
        var online = Envelope.Success(await driver.Hub.InvokeAsync("go_online", new JsonObject()).DefaultTimeout());
        Assert.Equal("Driver is now online", online.Str("message"));
        Assert.Equal(driver.Id, online.Str("driver_id"));
        Envelope.Success(await driver.Hub.InvokeAsync("update_location", area.Location(200)).DefaultTimeout());

        // Rider 1: create the ride over REST.
        await using var rider = await Server.ConnectNewAsync("rider", "Rita");
        var created = await Server.SendAsync(HttpMethod.Post, "/api/v1/riders/rides", rider.Token, area.RideRequest());
        Assert.Equal(201, created.Status);
        var rideId = created.Json.Str("ride_id")!;
        Assert.True(created.Json.At("estimated_fare").GetDecimal() > 0);
        Assert.True(created.Json.Long("estimated_duration") > 0);
        Assert.Equal("findingDriver", created.Json.Str("ride_data.status"));

        // Rider 2-3: join the room, load the (empty) chat.
        var joined = Envelope.Success(await rider.Hub.InvokeAsync("join_ride_room", new JsonObject { ["ride_id"] = rideId }).DefaultTimeout());
        Assert.Equal("Joined ride room", joined.Str("message"));
        Assert.Equal("findingDriver", joined.Str("ride_data.status"));
        Assert.Equal("1 Test Street", joined.Str("ride_data.pickup.address"));
        Assert.Equal(1, joined.Long("last_seq"));
        var chats = Envelope.Success(await rider.Hub.InvokeAsync("get_ride_chats", new JsonObject { ["ride_id"] = rideId }).DefaultTimeout());
        Assert.Equal("Retrieved 0 chat messages", chats.Str("message"));
        Assert.Equal(0, chats.At("chats").GetArrayLength());

        // Driver 2-3: the offer arrives; accept it.
        var offer = await driver.Hub.Events.WaitForAsync("new_ride_request", e => e.Str("ride_id") == rideId);
        Assert.Equal("standard", offer.Str("vehicle_type"));
        Assert.Equal(area.Latitude, offer.Dbl("pickup.latitude"), 6);
        Assert.Equal("Rita", offer.Str("rider_info.name"));
        Assert.True(offer.At("fare_estimate").GetDecimal() > 0);
        var accepted = Envelope.Success(await driver.Hub.InvokeAsync("accept_ride", new JsonObject { ["ride_id"] = rideId }).DefaultTimeout());
        Assert.Equal("Ride accepted", accepted.Str("message"));
        Assert.Equal("John Doe", accepted.Str("driver_info.name"));
        Assert.Equal("arrivingToPickup", accepted.Str("ride_data.status"));
        Assert.Equal($"ride-status/{rideId}/2", accepted.Str("event_id"));

        // Rider 4: the status update, with seq and event id.
        var arriving = await rider.Hub.Events.WaitForAsync("ride_status_update", e => e.Str("status") == "arrivingToPickup");
        Assert.Equal(rideId, arriving.Str("ride_id"));
        Assert.Equal(2, arriving.Long("seq"));
        Assert.Equal($"ride-status/{rideId}/2", arriving.Str("event_id"));
        Assert.Equal("John Doe", arriving.Str("data.driver.name"));
        Assert.False(string.IsNullOrEmpty(arriving.Str("data.message")));

        // Chat both ways (driver 5, rider 6).
        var sent = Envelope.Success(await driver.Hub.InvokeAsync("send_chat_message", new JsonObject { ["ride_id"] = rideId, ["message"] = "I'm at the pickup location" }).DefaultTimeout());
        Assert.Equal("Message sent", sent.Str("message"));
        var toRider = await rider.Hub.Events.WaitForAsync("chat_message", e => e.Str("message") == "I'm at the pickup location");
        Assert.Equal(sent.Long("chat_id"), toRider.Long("id"));
        Assert.Equal(driver.Id, toRider.Str("sender_id"));
        Assert.Equal("DRIVER", toRider.Str("sender_type"));
        Assert.Equal(rideId, toRider.Str("ride_id"));
        Envelope.Success(await rider.Hub.InvokeAsync("send_chat_message", new JsonObject { ["ride_id"] = rideId, ["message"] = "Coming down!" }).DefaultTimeout());
        var toDriver = await driver.Hub.Events.WaitForAsync("chat_message", e => e.Str("message") == "Coming down!");
        Assert.Equal("RIDER", toDriver.Str("sender_type"));
        var history = Envelope.Success(await driver.Hub.InvokeAsync("get_ride_chats", new JsonObject { ["ride_id"] = rideId }).DefaultTimeout());
        Assert.Equal("Retrieved 2 chat messages", history.Str("message"));

        // Driver 6-7: drive to the pickup; the rider sees the driver move.
        Envelope.Success(await driver.Hub.InvokeAsync("update_location", area.Location(50)).DefaultTimeout());
        var moved = await rider.Hub.Events.WaitForAsync("driver_location_update", e => e.Str("ride_id") == rideId);
        Assert.Equal(driver.Id, moved.Str("driver_id"));
        Assert.Equal(area.Offset(50).Latitude, moved.Dbl("latitude"), 6);
        Assert.Equal(90.0, moved.Dbl("heading"));
        Assert.Empty(driver.Hub.Events.Of("driver_location_update"));

        // Driver arrives, starts (with the PIN the rider got where the deployment needs one), drives, completes.
        Envelope.Success(await driver.Hub.InvokeAsync("driver_arrived", new JsonObject { ["ride_id"] = rideId }).DefaultTimeout());
        await rider.Hub.Events.WaitForAsync("ride_status_update", e => e.Str("status") == "driverArrived");
        var started = Envelope.Success(await driver.Hub.InvokeAsync("start_ride", new JsonObject { ["ride_id"] = rideId }).DefaultTimeout());
        Assert.Equal("Ride started", started.Str("message"));
        await rider.Hub.Events.WaitForAsync("ride_status_update", e => e.Str("status") == "drivingToDestination");
        Envelope.Success(await driver.Hub.InvokeAsync("update_location", area.Location(1500)).DefaultTimeout());
        Envelope.Success(await driver.Hub.InvokeAsync("update_location", area.Location(3000)).DefaultTimeout());
        var completed = Envelope.Success(await driver.Hub.InvokeAsync("complete_ride", new JsonObject { ["ride_id"] = rideId }).DefaultTimeout());
        Assert.Equal("Ride completed", completed.Str("message"));
        Assert.Equal("completed", completed.Str("ride_data.status"));
        var fare = completed.At("ride_data.fare").GetDecimal();
        Assert.True(fare > 0);
        Assert.True(completed.Dbl("ride_data.distance") > 2.5, completed.GetRawText());
        Assert.True(completed.Has("ride_data.duration"));
        var done = await rider.Hub.Events.WaitForAsync("ride_status_update", e => e.Str("status") == "completed");
        Assert.Equal(fare, done.At("data.fare").GetDecimal());

        // The rider's status updates arrived in order with consecutive sequence numbers.
        var sequence = rider.Hub.Events.Of("ride_status_update").Select(e => e.Long("seq")).ToArray();
        Assert.Equal([2L, 3L, 4L, 5L], sequence);

        // Rider 7: rate the driver and pay over REST.
        var rated = await Server.SendAsync(HttpMethod.Post, "/api/v1/riders/rate/driver", rider.Token, new JsonObject { ["ride_id"] = rideId, ["rating"] = 5, ["comment"] = "Great" });
        Assert.Equal(200, rated.Status);
        Assert.Equal(driver.Id, rated.Json.Str("rated_user_id"));
        Assert.Equal(5, rated.Json.Long("rating"));
        var paid = await Server.SendAsync(HttpMethod.Post, "/api/v1/riders/payment", rider.Token, new JsonObject { ["ride_id"] = rideId, ["amount"] = fare, ["idempotency_key"] = "pay-1", ["method"] = "card" });
        Assert.Equal(200, paid.Status);
        Assert.Equal(fare, paid.Json.At("amount").GetDecimal());
        var fetched = await Server.SendAsync(HttpMethod.Get, $"/api/v1/rides/{rideId}", rider.Token);
        Assert.Equal(200, fetched.Status);
        Assert.Equal("completed", fetched.Json.Str("ride_data.status"));
        Assert.True(fetched.Json.At("ride_data.paid").GetBoolean());
        Assert.True(fetched.Json.At("ride_data.driver_rated").GetBoolean());
    }

    [Fact]
    public async Task A_rider_can_request_a_ride_over_the_hub_and_cancel_it()
    {
        var area = TestArea.Next();
        await using var rider = await Server.ConnectNewAsync("rider");
        var requested = Envelope.Success(await rider.Hub.InvokeAsync("request_ride", area.RideRequest("premium")).DefaultTimeout());
        var rideId = requested.Str("ride_id")!;
        Assert.StartsWith("ride_", rideId);
        Assert.True(requested.At("estimated_fare").GetDecimal() > 0);
        Assert.Equal("premium", requested.Str("ride_data.vehicle_type"));

        var canceled = Envelope.Success(await rider.Hub.InvokeAsync("cancel_ride", new JsonObject { ["ride_id"] = rideId, ["reason"] = "Changed my mind" }).DefaultTimeout());
        Assert.Equal("Ride canceled", canceled.Str("message"));
        var update = await rider.Hub.Events.WaitForAsync("ride_status_update", e => e.Str("status") == "canceled");
        Assert.Equal("rider", update.Str("data.canceled_by"));
        Assert.Equal("Changed my mind", update.Str("data.reason"));
        Assert.Equal(2, update.Long("seq"));
    }

    [Fact]
    public async Task The_other_offered_drivers_are_told_the_offer_is_withdrawn_when_one_accepts()
    {
        await using var scenario = await RideScenario.OfferedAsync(Server);
        await using var second = await Server.ConnectNewAsync("driver");
        Envelope.Success(await second.Hub.InvokeAsync("go_online", new JsonObject()).DefaultTimeout());
        Envelope.Success(await second.Hub.InvokeAsync("update_location", scenario.Area.Location(300)).DefaultTimeout());

        // The second driver came online after the first batch; a fresh ride in the same area reaches both.
        var ride = await Server.SendAsync(HttpMethod.Post, "/api/v1/riders/rides", EdgeTestServer.Token(TestIds.New("rider"), "rider"), scenario.Area.RideRequest());
        var rideId = ride.Json.Str("ride_id")!;
        await scenario.Driver.Hub.Events.WaitForAsync("new_ride_request", e => e.Str("ride_id") == rideId);
        await second.Hub.Events.WaitForAsync("new_ride_request", e => e.Str("ride_id") == rideId);

        Envelope.Success(await second.Hub.InvokeAsync("accept_ride", new JsonObject { ["ride_id"] = rideId }).DefaultTimeout());
        var withdrawn = await scenario.Driver.Hub.Events.WaitForAsync("ride_request_withdrawn", e => e.Str("ride_id") == rideId);
        Assert.Equal("accepted_by_another_driver", withdrawn.Str("reason"));
        var late = await scenario.Driver.Hub.InvokeAsync("accept_ride", new JsonObject { ["ride_id"] = rideId }).DefaultTimeout();
        Envelope.Error(late, "RIDE_ALREADY_ASSIGNED");
    }
}
