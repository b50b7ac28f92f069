using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Rides.Edge.Tests.Client;

namespace Rides.Edge.Tests.Dialects;

/// <summary>Seed 004's socket: its token refusals (1008), room authorization and error frames.</summary>
public sealed class Seed004ProtocolTests(EdgeServerFixture fixture) : IClassFixture<EdgeServerFixture>
{
    private EdgeTestServer Server => fixture.Server;

    [Fact]
    public async Task A_missing_bad_or_expired_token_closes_the_socket_with_1008()
    {
        var forged = TestTokens.For(TestIds.New("rider"), "rider", signingKey: "another-key-that-is-long-enough-for-hs256-0123456789");
        foreach (var token in new string?[] { null, "not-a-jwt", forged, TestTokens.Expired(TestIds.New("rider"), "rider") })
        {
            await using var socket = await Server.Seed004Async(token);
            Assert.Equal(WebSocketCloseStatus.PolicyViolation, await socket.Closed.WaitAsync(TestTimeouts.Event));
            Assert.Empty(socket.Of("connected"));
        }
    }

    [Fact]
    public async Task The_token_may_travel_in_the_websocket_subprotocol()
    {
        var id = TestIds.New("rider");
        await using var socket = await SocketTestClient.ConnectAsync(Server.BaseAddress, "/ws", subProtocols: ["access_token", EdgeTestServer.Token(id, "rider")]);
        Assert.Equal("access_token", socket.SubProtocol);
        Assert.Equal(id, (await socket.WaitForAsync("connected")).Str("userId"));

        await using var refused = await SocketTestClient.ConnectAsync(Server.BaseAddress, "/ws", subProtocols: ["access_token", "bad.token.value"]);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, await refused.Closed.WaitAsync(TestTimeouts.Event));
    }

    [Fact]
    public async Task The_socket_is_closed_with_1008_when_its_token_expires()
    {
        await using var socket = await Server.Seed004Async(TestTokens.For(TestIds.New("rider"), "rider", lifetime: TimeSpan.FromSeconds(3)));
        await socket.WaitForAsync("connected");
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, await socket.Closed.WaitAsync(TimeSpan.FromSeconds(15)));
    }

    [Fact]
    public async Task Rooms_of_others_are_refused_with_an_error_and_join_nothing()
    {
        await using var scenario = await RideScenario.OfferedAsync(Server);
        var strangerId = TestIds.New("rider");
        await using var stranger = await Server.Seed004Async(EdgeTestServer.Token(strangerId, "rider"));

        var booking = await stranger.RequestAsync(new JsonObject { ["type"] = "join", ["room"] = $"booking:{scenario.RideId}" }, "error");
        Assert.Equal("NOT_A_PARTICIPANT", booking.Str("code"));
        Assert.Equal($"booking:{scenario.RideId}", booking.Str("room"));
        var user = await stranger.RequestAsync(new JsonObject { ["type"] = "join", ["room"] = $"user:{scenario.Rider.Id}" }, "error");
        Assert.Equal("FORBIDDEN", user.Str("code"));
        var own = await stranger.RequestAsync(new JsonObject { ["type"] = "join", ["room"] = $"user:{strangerId}" }, "joined_room");
        Assert.Equal($"user:{strangerId}", own.Str("room"));
        var missing = await stranger.RequestAsync(new JsonObject { ["type"] = "join", ["room"] = "booking:ride_that_does_not_exist" }, "error");
        Assert.Equal("RIDE_NOT_FOUND", missing.Str("code"));

        // An admin may enter both.
        await using var admin = await Server.Seed004Async(EdgeTestServer.Token(TestIds.New("admin"), "admin"));
        await admin.RequestAsync(new JsonObject { ["type"] = "join", ["room"] = $"user:{scenario.Rider.Id}" }, "joined_room");
        await admin.RequestAsync(new JsonObject { ["type"] = "join", ["room"] = $"booking:{scenario.RideId}" }, "joined_room");

        // The refused join holds nothing: the acceptance reaches the admin, not the stranger; the PIN reaches neither.
        Envelope.Success(await scenario.AcceptAsync());
        await admin.WaitForAsync("status_update", e => e.Str("status") == "en_route");
        await scenario.Rider.Hub.Events.WaitForAsync("trip_pin");
        await stranger.RequestAsync(new JsonObject { ["type"] = "ping" }, "pong");
        await admin.RequestAsync(new JsonObject { ["type"] = "ping" }, "pong");
        Assert.Empty(stranger.Of("status_update"));
        Assert.Empty(admin.Of("trip_pin"));
        Assert.True(stranger.IsOpen);
    }

    [Fact]
    public async Task Bad_frames_get_error_frames_and_the_socket_stays_open()
    {
        await using var socket = await Server.Seed004Async(EdgeTestServer.Token(TestIds.New("rider"), "rider"));
        await socket.WaitForAsync("connected");

        await socket.SendTextAsync("{not json");
        var notJson = await socket.WaitForAsync("error");
        Assert.Equal("VALIDATION_FAILED", notJson.Str("code"));
        Assert.Equal("The frame is not JSON.", notJson.Str("message"));

        var unknown = await socket.RequestAsync(new JsonObject { ["type"] = "subscribe", ["room"] = "booking:x" }, "error");
        Assert.Equal("UNKNOWN_MESSAGE_TYPE", unknown.Str("code"));
        Assert.Equal("subscribe", unknown.Str("requestType"));

        var noRoom = await socket.RequestAsync(new JsonObject { ["type"] = "join" }, "error");
        Assert.Equal("VALIDATION_FAILED", noRoom.Str("code"));
        Assert.Equal("room is required", noRoom.Str("detail"));

        var badRoom = await socket.RequestAsync(new JsonObject { ["type"] = "join", ["room"] = "garage:7" }, "error");
        Assert.Equal("room must be booking:ID, user:ID or support:ID", badRoom.Str("detail"));

        var noFlag = await socket.RequestAsync(new JsonObject { ["type"] = "typing", ["room"] = "support:conv_x", ["data"] = new JsonObject() }, "error");
        Assert.Equal("data.isTyping is required (true or false)", noFlag.Str("detail"));

        Assert.True(socket.IsOpen);
        await socket.RequestAsync(new JsonObject { ["type"] = "ping" }, "pong");
    }

    [Fact]
    public async Task Leaving_a_booking_room_stops_its_updates()
    {
        await using var scenario = await RideScenario.AcceptedAsync(Server);
        await using var customer = await Server.Seed004Async(scenario.Rider.Token);
        await customer.RequestAsync(new JsonObject { ["type"] = "join", ["room"] = $"booking:{scenario.RideId}" }, "joined_room");
        var left = await customer.RequestAsync(new JsonObject { ["type"] = "leave", ["room"] = $"booking:{scenario.RideId}" }, "left_room");
        Assert.Equal($"booking:{scenario.RideId}", left.Str("room"));
        Envelope.Success(await scenario.Driver.Hub.InvokeAsync("driver_arrived", scenario.RidePayload()).DefaultTimeout());
        await scenario.Rider.Hub.Events.WaitForAsync("ride_status_update", e => e.Str("status") == "driverArrived");
        await customer.RequestAsync(new JsonObject { ["type"] = "ping" }, "pong");
        Assert.Empty(customer.Of("status_update"));
    }
}
