using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Rides.Edge.Tests.Client;

namespace Rides.Edge.Tests.Dialects;

/// <summary>Seed 002's channels: 401 before the upgrade, each side refused on the other's channels, frames answered <c>{success: false}</c>.</summary>
public sealed class Seed002ProtocolTests(EdgeServerFixture fixture) : IClassFixture<EdgeServerFixture>
{
    private static readonly string[] Paths = ["/ws/bookings/", "/ws/driver/bookings/", "/ws/driver/available_bookings/"];

    private EdgeTestServer Server => fixture.Server;

    [Fact]
    public async Task A_missing_bad_or_expired_token_is_refused_with_401_before_the_upgrade_in_seed_002s_shape()
    {
        var forged = TestTokens.For(TestIds.New("rider"), "rider", signingKey: "another-key-that-is-long-enough-for-hs256-0123456789");
        foreach (var path in Paths)
        {
            foreach (var token in new string?[] { null, "not-a-jwt", forged, TestTokens.Expired(TestIds.New("driver"), "driver") })
            {
                var refused = await Assert.ThrowsAsync<HubConnectRefusedException>(() => Server.Seed002Async(path, token));
                Assert.Equal(401, refused.StatusCode);

                var answer = await Server.UpgradeAsync(path, token);
                Assert.Equal(401, answer.Status);
                Assert.False(answer.Json.At("success").GetBoolean());
                Assert.Equal("Invalid or expired token.", answer.Json.Str("message"));
                Assert.Equal("UNAUTHENTICATED", answer.Json.Str("code"));
            }
        }
    }

    [Fact]
    public async Task A_riders_token_is_refused_on_the_driver_channels_and_a_drivers_on_the_rider_channel_with_403()
    {
        var rider = EdgeTestServer.Token(TestIds.New("rider"), "rider");
        var driver = EdgeTestServer.Token(TestIds.New("driver"), "driver");
        var staff = EdgeTestServer.Token(TestIds.New("staff"), "staff");
        var regulator = EdgeTestServer.Token(TestIds.New("regulator"), "regulator");
        foreach (var (path, token) in new[]
        {
            ("/ws/driver/bookings/", rider), ("/ws/driver/available_bookings/", rider), ("/ws/bookings/", driver),
            ("/ws/driver/bookings/", staff), ("/ws/driver/available_bookings/", regulator), ("/ws/bookings/", regulator),
        })
        {
            Assert.Equal(403, (await Assert.ThrowsAsync<HubConnectRefusedException>(() => Server.Seed002Async(path, token))).StatusCode);
            var answer = await Server.UpgradeAsync(path, token);
            Assert.Equal(403, answer.Status);
            Assert.False(answer.Json.At("success").GetBoolean());
            Assert.Equal("FORBIDDEN", answer.Json.Str("code"));
            Assert.Contains(path == "/ws/bookings/" ? "rider" : "driver", answer.Json.Str("message"), StringComparison.Ordinal);
        }

        // Each side's own channels accept it.
        await using var own = await Server.Seed002Async("/ws/bookings/", rider);
        await own.ReadyAsync();
        await using var ownDriver = await Server.Seed002Async("/ws/driver/bookings/", driver);
        await ownDriver.ReadyAsync();
    }

    [Fact]
    public async Task The_token_may_also_travel_in_the_query_or_the_websocket_subprotocol()
    {
        var token = EdgeTestServer.Token(TestIds.New("driver"), "driver");
        await using var query = await SocketTestClient.ConnectAsync(Server.BaseAddress, "/ws/driver/available_bookings/?token=" + Uri.EscapeDataString(token));
        await query.ReadyAsync();
        await using var protocol = await SocketTestClient.ConnectAsync(Server.BaseAddress, "/ws/driver/available_bookings/", subProtocols: ["access_token", token]);
        Assert.Equal("access_token", protocol.SubProtocol);
        await protocol.ReadyAsync();
    }

    [Fact]
    public async Task Frames_sent_to_a_push_only_channel_are_answered_with_success_false_and_the_socket_stays_open()
    {
        await using var socket = await Server.Seed002Async("/ws/bookings/", EdgeTestServer.Token(TestIds.New("rider"), "rider"));

        await socket.SendTextAsync("this is not json");
        var notJson = await socket.WaitForAsync(string.Empty, e => e.Is("message", "The frame is not JSON."));
        Assert.False(notJson.At("success").GetBoolean());
        Assert.Equal("VALIDATION_FAILED", notJson.Str("code"));

        var noType = await socket.RequestAsync(new JsonObject { ["booking_id"] = "ride_1" }, string.Empty, e => e.Has("success"));
        Assert.Equal("VALIDATION_FAILED", noType.Str("code"));

        var anyType = await socket.RequestAsync(new JsonObject { ["type"] = "accept_booking", ["booking_id"] = "ride_1" }, string.Empty, e => e.Has("success"));
        Assert.False(anyType.At("success").GetBoolean());
        Assert.Equal("UNKNOWN_MESSAGE_TYPE", anyType.Str("code"));
        Assert.Equal("Malformed WebSocket request.", anyType.Str("message"));

        await socket.SendRawAsync([1, 2, 3], WebSocketMessageType.Binary);
        await socket.WaitForAsync(string.Empty, e => e.Is("message", "Frames must be JSON text."));

        Assert.True(socket.IsOpen);
        await socket.ReadyAsync();
        Assert.DoesNotContain(socket.Frames.All, f => f.Payload.GetRawText().Contains("Exception", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_socket_is_closed_with_1008_when_its_token_expires()
    {
        var token = TestTokens.For(TestIds.New("driver"), "driver", lifetime: TimeSpan.FromSeconds(3));
        await using var socket = await Server.Seed002Async("/ws/driver/bookings/", token);
        await socket.ReadyAsync();
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, await socket.Closed.WaitAsync(TimeSpan.FromSeconds(15)));
        Assert.Equal("The access token expired.", socket.CloseDescription);
    }
}
