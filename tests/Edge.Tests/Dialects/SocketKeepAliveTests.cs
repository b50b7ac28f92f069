using System.Net.WebSockets;
using System.Text.Json.Nodes;

namespace Rides.Edge.Tests.Dialects;

/// <summary>The core pings idle sockets and drops the dead ones, releasing what they held.</summary>
public sealed class SocketKeepAliveTests(KeepAliveServerFixture fixture) : IClassFixture<KeepAliveServerFixture>
{
    private EdgeTestServer Server => fixture.Server;

    [Fact]
    public async Task A_socket_that_never_answers_pings_is_dropped_and_a_live_one_stays()
    {
        var registry = Server.Subscriptions;
        await using var live = await Server.Seed001Async(EdgeTestServer.Token(TestIds.New("rider"), "rider"));
        await live.WaitForAsync("connected");

        // A client that never reads cannot answer the server's pings (pongs are sent from within a receive).
        using var dead = new ClientWebSocket();
        dead.Options.KeepAliveInterval = TimeSpan.Zero;
        var token = Uri.EscapeDataString(EdgeTestServer.Token(TestIds.New("driver"), "driver"));
        await dead.ConnectAsync(new Uri($"ws://{Server.BaseAddress.Authority}/api/v1/ws/connect?token={token}"), CancellationToken.None).DefaultTimeout();
        await registry.UntilAsync(r => r.ConnectionCount == 2, TestTimeouts.Event);

        await registry.UntilAsync(r => r.ConnectionCount == 1, TestTimeouts.Event);
        Assert.True(live.IsOpen);
        await live.RequestAsync(new JsonObject { ["type"] = "ping" }, "pong");
    }
}
