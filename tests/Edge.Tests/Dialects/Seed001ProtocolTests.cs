using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Rides.Edge.Tests.Client;

namespace Rides.Edge.Tests.Dialects;

/// <summary>Seed 001's socket and the common core under it: tokens, bad frames, refusals, limits, keep-alive, stats.</summary>
public sealed class Seed001ProtocolTests(EdgeServerFixture fixture) : IClassFixture<EdgeServerFixture>
{
    private EdgeTestServer Server => fixture.Server;

    [Fact]
    public async Task Ping_is_answered_with_pong_echoing_the_clients_timestamp()
    {
        await using var socket = await Server.Seed001Async(EdgeTestServer.Token(TestIds.New("rider"), "rider"));
        var pong = await socket.RequestAsync(new JsonObject { ["type"] = "ping", ["timestamp"] = "2025-12-19T03:00:00Z" }, "pong");
        Assert.Equal("2025-12-19T03:00:00Z", pong.Str("data.timestamp"));
        Assert.True(pong.Has("timestamp"));
        var bare = await socket.RequestAsync(new JsonObject { ["type"] = "ping" }, "pong");
        Assert.False(bare.Has("data.timestamp"));
    }

    [Fact]
    public async Task Frames_that_are_not_json_have_no_known_type_or_lack_a_field_get_error_frames_and_the_socket_stays_open()
    {
        await using var socket = await Server.Seed001Async(EdgeTestServer.Token(TestIds.New("rider"), "rider"));
        await socket.WaitForAsync("connected");

        await socket.SendTextAsync("this is not json");
        var notJson = await socket.WaitForAsync("error");
        Assert.Equal("VALIDATION_FAILED", notJson.Str("data.code"));
        Assert.Equal("The frame is not JSON.", notJson.Str("data.message"));

        var noType = await socket.RequestAsync(new JsonObject { ["ride_id"] = "ride_1" }, "error");
        Assert.Equal("VALIDATION_FAILED", noType.Str("data.code"));
        Assert.Equal("frame must be a JSON object with a string type", noType.Str("data.detail"));

        var array = await socket.RequestAsync(new JsonArray(1, 2), "error");
        Assert.Equal("VALIDATION_FAILED", array.Str("data.code"));

        var unknown = await socket.RequestAsync(new JsonObject { ["type"] = "teleport" }, "error");
        Assert.Equal("UNKNOWN_MESSAGE_TYPE", unknown.Str("data.code"));
        Assert.Equal("teleport", unknown.Str("data.request_type"));
        Assert.Contains("join_ride", unknown.Str("data.detail"), StringComparison.Ordinal);

        var missing = await socket.RequestAsync(new JsonObject { ["type"] = "join_ride" }, "error");
        Assert.Equal("VALIDATION_FAILED", missing.Str("data.code"));
        Assert.Equal("ride_id is required", missing.Str("data.detail"));
        Assert.Equal("join_ride", missing.Str("data.request_type"));

        await socket.SendRawAsync([1, 2, 3], WebSocketMessageType.Binary);
        var binary = await socket.WaitForAsync("error", e => e.Str("data.message") == "Frames must be JSON text.");
        Assert.Equal("VALIDATION_FAILED", binary.Str("data.code"));

        Assert.True(socket.IsOpen);
        await socket.RequestAsync(new JsonObject { ["type"] = "ping" }, "pong");
        Assert.DoesNotContain(socket.Frames.All, f => f.Payload.GetRawText().Contains("Exception", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_stranger_may_not_join_a_ride_and_a_passenger_may_not_go_online()
    {
        await using var scenario = await RideScenario.OfferedAsync(Server);
        await using var stranger = await Server.Seed001Async(EdgeTestServer.Token(TestIds.New("rider"), "rider"));
        var refused = await stranger.RequestAsync(new JsonObject { ["type"] = "join_ride", ["ride_id"] = scenario.RideId }, "error");
        Assert.Equal("NOT_A_PARTICIPANT", refused.Str("data.code"));
        var notDriver = await stranger.RequestAsync(new JsonObject { ["type"] = "driver_online" }, "error");
        Assert.Equal("FORBIDDEN", notDriver.Str("data.code"));
        Assert.Equal("Only a driver may call driver_online.", notDriver.Str("data.message"));

        // The refused join subscribed nothing: the ride's events do not reach the stranger.
        Envelope.Success(await scenario.AcceptAsync());
        await scenario.Rider.Hub.Events.WaitForAsync("ride_status_update", e => e.Str("status") == "arrivingToPickup");
        await stranger.RequestAsync(new JsonObject { ["type"] = "ping" }, "pong");
        Assert.Empty(stranger.Of("ride_accepted"));
        Assert.True(stranger.IsOpen);
    }

    [Fact]
    public async Task Connecting_without_a_token_or_with_a_bad_or_expired_one_is_refused_with_401_before_the_upgrade()
    {
        var none = await Assert.ThrowsAsync<HubConnectRefusedException>(() => Server.Seed001Async(null));
        Assert.Equal(401, none.StatusCode);
        var forged = TestTokens.For(TestIds.New("rider"), "rider", signingKey: "another-key-that-is-long-enough-for-hs256-0123456789");
        Assert.Equal(401, (await Assert.ThrowsAsync<HubConnectRefusedException>(() => Server.Seed001Async(forged))).StatusCode);
        Assert.Equal(401, (await Assert.ThrowsAsync<HubConnectRefusedException>(() => Server.Seed001Async("not-a-jwt"))).StatusCode);
        var expired = TestTokens.Expired(TestIds.New("rider"), "rider");
        Assert.Equal(401, (await Assert.ThrowsAsync<HubConnectRefusedException>(() => Server.Seed001Async(expired))).StatusCode);
        var system = TestTokens.For(TestIds.New("system"), "system");
        Assert.Equal(403, (await Assert.ThrowsAsync<HubConnectRefusedException>(() => Server.Seed001Async(system))).StatusCode);
    }

    [Fact]
    public async Task A_plain_http_request_to_the_socket_path_is_answered_400_with_the_envelope()
    {
        var answer = await Server.SendAsync(HttpMethod.Get, "/api/v1/ws/connect", EdgeTestServer.Token(TestIds.New("rider"), "rider"));
        Assert.Equal(400, answer.Status);
        Envelope.Error(answer.Json, "VALIDATION_FAILED");
    }

    [Fact]
    public async Task The_token_may_travel_in_the_websocket_subprotocol_or_the_authorization_header()
    {
        var id = TestIds.New("driver");
        var token = EdgeTestServer.Token(id, "driver");

        await using (var marked = await SocketTestClient.ConnectAsync(Server.BaseAddress, "/api/v1/ws/connect", subProtocols: ["access_token", token]))
        {
            Assert.Equal("access_token", marked.SubProtocol);
            Assert.Equal(id, (await marked.WaitForAsync("connected")).Str("data.user_id"));
        }

        await using (var bare = await SocketTestClient.ConnectAsync(Server.BaseAddress, "/api/v1/ws/connect", subProtocols: [token]))
        {
            Assert.Equal(token, bare.SubProtocol);
            Assert.Equal(id, (await bare.WaitForAsync("connected")).Str("data.user_id"));
        }

        await using (var header = await SocketTestClient.ConnectAsync(Server.BaseAddress, "/api/v1/ws/connect", bearer: token))
        {
            Assert.Null(header.SubProtocol);
            Assert.Equal(id, (await header.WaitForAsync("connected")).Str("data.user_id"));
        }

        var bad = await Assert.ThrowsAsync<HubConnectRefusedException>(() => SocketTestClient.ConnectAsync(Server.BaseAddress, "/api/v1/ws/connect", subProtocols: ["access_token", "not.a.token"]));
        Assert.Equal(401, bad.StatusCode);
    }

    [Fact]
    public async Task The_socket_is_closed_with_1008_when_its_token_expires()
    {
        var token = TestTokens.For(TestIds.New("rider"), "rider", lifetime: TimeSpan.FromSeconds(3));
        await using var socket = await Server.Seed001Async(token);
        await socket.RequestAsync(new JsonObject { ["type"] = "ping" }, "pong");
        var status = await socket.Closed.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, status);
        Assert.Equal("The access token expired.", socket.CloseDescription);
    }

    [Fact]
    public async Task A_frame_over_64_kb_closes_the_socket_with_1009()
    {
        await using var socket = await Server.Seed001Async(EdgeTestServer.Token(TestIds.New("rider"), "rider"));
        await socket.WaitForAsync("connected");
        var big = "{\"type\":\"ping\",\"timestamp\":\"" + new string('x', 70 * 1024) + "\"}";
        await socket.SendRawAsync(Encoding.UTF8.GetBytes(big), WebSocketMessageType.Text);
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, await socket.Closed.WaitAsync(TestTimeouts.Event));
        Assert.Empty(socket.Of("pong"));
    }

    [Fact]
    public async Task Sockets_are_counted_in_the_stats_and_release_every_subscription_when_closed()
    {
        var registry = Server.Subscriptions;
        await registry.UntilAsync(r => r.ConnectionCount == 0 && r.SubscriptionCount == 0, TestTimeouts.Event);
        var operatorToken = EdgeTestServer.Token(TestIds.New("operator"), "operator");

        var driver = await Server.Seed001Async(EdgeTestServer.Token(TestIds.New("driver"), "driver"));
        await driver.RequestAsync(new JsonObject { ["type"] = "driver_online" }, "driver_status");
        await registry.UntilAsync(r => r.ConnectionCount == 1 && r.SubscriptionCount == 1, TestTimeouts.Event);
        var stats = await Server.SendAsync(HttpMethod.Get, "/api/v1/ws/stats", operatorToken);
        Assert.Equal(1, stats.Json.Long("total_connections"));
        Assert.Equal(1, stats.Json.Long("subscriptions"));

        // A driver's socket hears its offers for as long as it is open; going offline only stops the offers.
        var offline = await driver.RequestAsync(new JsonObject { ["type"] = "driver_offline" }, "driver_status");
        Assert.False(offline.At("data.is_online").GetBoolean());
        Assert.Equal(1, registry.SubscriptionCount);

        await driver.DisposeAsync();
        await registry.UntilAsync(r => r.ConnectionCount == 0 && r.SubscriptionCount == 0, TestTimeouts.Event);
    }
}
