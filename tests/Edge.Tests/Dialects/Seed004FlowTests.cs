using System.Text.Json.Nodes;

namespace Rides.Edge.Tests.Dialects;

/// <summary>Seed 004's plain WebSocket at <c>/ws</c>: a booking's whole ride and a support ticket, in rooms.</summary>
public sealed class Seed004FlowTests(EdgeServerFixture fixture) : IClassFixture<EdgeServerFixture>
{
    private EdgeTestServer Server => fixture.Server;

    [Fact]
    public async Task A_whole_ride_reaches_the_booking_room_as_status_and_location_updates()
    {
        var area = TestArea.Next();
        var riderId = TestIds.New("rider");
        var riderToken = EdgeTestServer.Token(riderId, "rider", "Rita");
        var driverId = TestIds.New("driver");
        var driverToken = EdgeTestServer.Token(driverId, "driver", "Tom Technician");

        // The technician's platform app goes online near the customer.
        await using var driverApi = await Server.ConnectAsync(driverToken);
        Envelope.Success(await driverApi.InvokeAsync("go_online", new JsonObject()).DefaultTimeout());
        Envelope.Success(await driverApi.InvokeAsync("update_location", area.Location(200)).DefaultTimeout());

        // The customer's app: connect, book over REST, join the booking's room and the own user room.
        await using var customer = await Server.Seed004Async(riderToken);
        var hello = await customer.WaitForAsync("connected");
        Assert.Equal(riderId, hello.Str("userId"));
        Assert.True(hello.Has("timestamp"));
        var created = await Server.SendAsync(HttpMethod.Post, "/api/v1/riders/rides", riderToken, area.RideRequest());
        Assert.Equal(201, created.Status);
        var bookingId = created.Json.Str("ride_id")!;
        var joined = await customer.RequestAsync(new JsonObject { ["type"] = "join", ["room"] = $"booking:{bookingId}" }, "joined_room");
        Assert.Equal($"booking:{bookingId}", joined.Str("room"));
        Assert.Equal("pending", joined.Str("status"));
        Assert.Equal($"ride-status/{bookingId}/1", joined.Str("lastEventId"));
        Assert.True(joined.Has("timestamp"));
        await customer.RequestAsync(new JsonObject { ["type"] = "join", ["room"] = $"user:{riderId}" }, "joined_room");

        // Offer, acceptance: the customer's booking goes en_route and the trip PIN reaches the user room.
        await driverApi.Events.WaitForAsync("new_ride_request", e => e.Str("ride_id") == bookingId);
        Envelope.Success(await driverApi.InvokeAsync("accept_ride", new JsonObject { ["ride_id"] = bookingId }).DefaultTimeout());
        var enRoute = await customer.WaitForAsync("status_update", e => e.Str("status") == "en_route");
        Assert.Equal(bookingId, enRoute.Str("bookingId"));
        Assert.Equal($"ride-status/{bookingId}/2", enRoute.Str("eventId"));
        var pin = await customer.WaitForAsync("trip_pin");
        Assert.Equal(bookingId, pin.Str("bookingId"));
        Assert.Matches("^[0-9]{4}$", pin.Str("pin"));

        // The assigned technician may join the booking room too, and hears the same statuses but no locations.
        await using var technician = await Server.Seed004Async(driverToken);
        await technician.RequestAsync(new JsonObject { ["type"] = "join", ["room"] = $"booking:{bookingId}" }, "joined_room");

        Envelope.Success(await driverApi.InvokeAsync("update_location", area.Location(50)).DefaultTimeout());
        var moved = await customer.WaitForAsync("location_update");
        Assert.Equal(bookingId, moved.Str("bookingId"));
        Assert.Equal(area.Offset(50).Latitude, moved.Dbl("location.latitude"), 6);
        Assert.Equal(area.Longitude, moved.Dbl("location.longitude"), 6);

        Envelope.Success(await driverApi.InvokeAsync("driver_arrived", new JsonObject { ["ride_id"] = bookingId }).DefaultTimeout());
        await customer.WaitForAsync("status_update", e => e.Str("status") == "arrived");
        Envelope.Success(await driverApi.InvokeAsync("start_ride", new JsonObject { ["ride_id"] = bookingId }).DefaultTimeout());
        await customer.WaitForAsync("status_update", e => e.Str("status") == "in_progress");
        Envelope.Success(await driverApi.InvokeAsync("update_location", area.Location(3000)).DefaultTimeout());
        Envelope.Success(await driverApi.InvokeAsync("complete_ride", new JsonObject { ["ride_id"] = bookingId }).DefaultTimeout());
        await customer.WaitForAsync("status_update", e => e.Str("status") == "completed");
        await technician.WaitForAsync("status_update", e => e.Str("status") == "completed");

        Assert.Equal(["en_route", "arrived", "in_progress", "completed"], customer.Of("status_update").Select(e => e.Str("status")));
        Assert.Equal(["arrived", "in_progress", "completed"], technician.Of("status_update").Select(e => e.Str("status")));
        Assert.Empty(technician.Of("location_update"));
        Assert.Empty(technician.Of("trip_pin"));
    }

    [Fact]
    public async Task A_support_ticket_room_carries_messages_and_typing_between_its_creator_and_an_admin_only()
    {
        var creatorToken = EdgeTestServer.Token(TestIds.New("rider"), "rider", "Rita");
        var adminId = TestIds.New("admin");
        var adminToken = EdgeTestServer.Token(adminId, "admin", "Ada Admin");

        // The customer opens a ticket over the platform's API, then its app joins the ticket's room.
        await using var creatorApi = await Server.ConnectAsync(creatorToken);
        var ticket = Envelope.Success(await creatorApi.InvokeAsync("create_support_conversation", new JsonObject { ["title"] = "Lost item", ["content"] = "I left my umbrella" }).DefaultTimeout());
        var ticketId = ticket.Str("conversation_id")!;
        await using var creator = await Server.Seed004Async(creatorToken);
        await creator.RequestAsync(new JsonObject { ["type"] = "join", ["room"] = $"support:{ticketId}" }, "joined_room");

        // Another customer is refused and joins nothing.
        await using var stranger = await Server.Seed004Async(EdgeTestServer.Token(TestIds.New("rider"), "rider"));
        var refused = await stranger.RequestAsync(new JsonObject { ["type"] = "join", ["room"] = $"support:{ticketId}" }, "error");
        Assert.Equal("NOT_A_PARTICIPANT", refused.Str("code"));
        Assert.Equal($"support:{ticketId}", refused.Str("room"));

        // The admin joins, answers, types.
        await using var admin = await Server.Seed004Async(adminToken);
        var adminJoined = await admin.RequestAsync(new JsonObject { ["type"] = "join", ["room"] = $"support:{ticketId}" }, "joined_room");
        Assert.Equal($"support:{ticketId}", adminJoined.Str("room"));
        await admin.SendAsync(new JsonObject { ["type"] = "typing", ["room"] = $"support:{ticketId}", ["data"] = new JsonObject { ["isTyping"] = true } });
        var typing = await creator.WaitForAsync("typing");
        Assert.Equal(adminId, typing.Str("userId"));
        Assert.True(typing.At("isTyping").GetBoolean());
        var sent = await admin.RequestAsync(new JsonObject { ["type"] = "message", ["room"] = $"support:{ticketId}", ["data"] = new JsonObject { ["message"] = "Hello, how can I help?" } }, "message_sent");
        var message = await creator.WaitForAsync("message");
        Assert.Equal(ticketId, message.Str("ticketId"));
        Assert.Equal(adminId, message.Str("senderId"));
        Assert.Equal("Hello, how can I help?", message.Str("message.message"));
        Assert.Equal(sent.Str("messageId"), message.Str("message.id"));
        Assert.True(message.Has("message.createdAt"));

        // The creator's reply over the platform's API reaches the admin's room too.
        Envelope.Success(await creatorApi.InvokeAsync("send_chat_message", new JsonObject { ["conversation_id"] = ticketId, ["content"] = "A blue one" }).DefaultTimeout());
        await admin.WaitForAsync("message", e => e.Str("message.message") == "A blue one");
        await creator.WaitForAsync("message", e => e.Str("message.message") == "A blue one");

        Assert.Empty(admin.Of("typing"));
        await stranger.RequestAsync(new JsonObject { ["type"] = "ping" }, "pong");
        Assert.Empty(stranger.Of("message"));
        Assert.Empty(stranger.Of("typing"));
    }

    [Fact]
    public async Task A_reconnecting_customer_passes_its_last_event_id_and_misses_nothing()
    {
        await using var scenario = await RideScenario.OfferedAsync(Server);
        var bookingId = scenario.RideId;
        Envelope.Success(await scenario.AcceptAsync());
        Envelope.Success(await scenario.Driver.Hub.InvokeAsync("driver_arrived", scenario.RidePayload()).DefaultTimeout());

        await using var customer = await Server.Seed004Async(scenario.Rider.Token);
        var joined = await customer.RequestAsync(new JsonObject { ["type"] = "join", ["room"] = $"booking:{bookingId}", ["lastEventId"] = $"ride-status/{bookingId}/1" }, "joined_room");
        Assert.Equal("arrived", joined.Str("status"));
        Envelope.Success(await scenario.Driver.Hub.InvokeAsync("start_ride", scenario.RidePayload()).DefaultTimeout());
        await customer.WaitForAsync("status_update", e => e.Str("status") == "in_progress");
        Assert.Equal(
            [$"ride-status/{bookingId}/2", $"ride-status/{bookingId}/3", $"ride-status/{bookingId}/4"],
            customer.Of("status_update").Select(e => e.Str("eventId")));

        // The query form on connect does the same.
        await using var again = await Server.Seed004Async(scenario.Rider.Token, "&last_event_id=" + Uri.EscapeDataString($"ride-status/{bookingId}/3"));
        var resumed = await again.WaitForAsync("joined_room");
        Assert.Equal($"booking:{bookingId}", resumed.Str("room"));
        Assert.Equal([$"ride-status/{bookingId}/4"], again.Of("status_update").Select(e => e.Str("eventId")));
    }
}
