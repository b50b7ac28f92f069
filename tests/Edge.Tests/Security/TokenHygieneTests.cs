using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Rides.Edge.Tests.Client;
using Rides.Edge.Tests.Dialects;

namespace Rides.Edge.Tests.Security;

/// <summary>
/// Issue 11 item 6: no token reaches a log line, wherever it travels (the query of a hub or dialect upgrade, a
/// header, the subprotocol, a request Kestrel refuses), with the host's request logs switched on at Information and
/// Debug; and every protocol closes a live connection when its token expires, saying why in its own terms.
/// </summary>
public sealed class TokenHygieneTests
{
    [Theory]
    [InlineData("Information")]
    [InlineData("Debug")]
    public async Task No_token_reaches_any_log_line_on_the_hub_the_dialects_rest_or_kestrels_refusals(string level)
    {
        // The operator switches the request logs on by configuration; the edge must still keep tokens out of them.
        var settings = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = level,
            ["Logging:LogLevel:Microsoft.AspNetCore"] = level,
            ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = level,
            ["Logging:LogLevel:Microsoft.AspNetCore.Server.Kestrel"] = level,
            ["Logging:LogLevel:Microsoft.AspNetCore.Http.Connections"] = level,
            ["Logging:LogLevel:Microsoft.AspNetCore.SignalR"] = level,
        };
        await using var server = await EdgeTestServer.StartAsync(settings, Enum.Parse<LogLevel>(level));
        var rider = EdgeTestServer.Token(TestIds.New("rider"), "rider");
        var driver = EdgeTestServer.Token(TestIds.New("driver"), "driver");
        var staff = EdgeTestServer.Token(TestIds.New("staff"), "staff");

        // The hub: the token in the query (negotiate and the upgrade), and in authenticate's payload.
        await using (var hub = await server.ConnectAsync(rider))
        {
            Envelope.Success(await hub.InvokeAsync("authenticate", new JsonObject { ["token"] = rider }).DefaultTimeout());
        }

        await using (var direct = await HubTestClient.ConnectAsync(server.BaseAddress, driver, negotiate: false).DefaultTimeout())
        {
            Envelope.Success(await direct.InvokeAsync("ping", new JsonObject()).DefaultTimeout());
        }

        // Every dialect, the token in the query, the header and the subprotocol.
        await using (var seed001 = await server.Seed001Async(driver))
        {
            await seed001.RequestAsync(new JsonObject { ["type"] = "ping" }, "pong");
        }

        foreach (var (path, token) in new[] { ("/ws/bookings/", rider), ("/ws/driver/bookings/", driver), ("/ws/driver/available_bookings/", driver) })
        {
            await using var byHeader = await server.Seed002Async(path, token);
            await byHeader.ReadyAsync();
            await using var byQuery = await SocketTestClient.ConnectAsync(server.BaseAddress, path + "?token=" + Uri.EscapeDataString(token));
            await byQuery.ReadyAsync();
        }

        await using (var seed003 = await server.Seed003Async(staff))
        {
            await seed003.AnswerAsync("get_active_conversations", []);
        }

        await using (var seed004 = await server.Seed004Async(rider))
        {
            await seed004.WaitForAsync("connected");
        }

        await using (var byProtocol = await SocketTestClient.ConnectAsync(server.BaseAddress, "/ws", subProtocols: ["access_token", staff]))
        {
            await byProtocol.WaitForAsync("connected");
        }

        // Refusals: a tampered token on the hub, seed 001 and seed 004; REST with good and bad tokens.
        var tampered = rider[..^4] + "AAAA";
        Assert.Equal(401, (await Assert.ThrowsAsync<HubConnectRefusedException>(() => server.ConnectAsync(tampered))).StatusCode);
        Assert.Equal(401, (await Assert.ThrowsAsync<HubConnectRefusedException>(() => server.Seed001Async(tampered))).StatusCode);
        await using (var refused = await server.Seed004Async(tampered))
        {
            await refused.Closed.DefaultTimeout();
        }

        Assert.Equal(200, (await server.SendAsync(HttpMethod.Get, "/api/v1/riders/me", rider)).Status);
        Assert.Equal(401, (await server.SendAsync(HttpMethod.Get, "/api/v1/riders/me", tampered)).Status);

        // A request Kestrel itself refuses, its request line holding a token (Kestrel logs refused requests at Debug).
        var rejected = await RawHttp.SendAsync(server.BaseAddress, "GET /ws?token=" + driver + "\u0001 HTTP/1.1\r\nHost: localhost\r\n\r\n");
        Assert.Equal(400, rejected.Status);

        var secrets = new[] { rider, driver, staff, tampered }.Select(t => t[(t.LastIndexOf('.') + 1)..]).ToList();
        Assert.Contains(server.Logs.Entries, e => e.Category.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        var leaks = server.Logs.Entries
            .Where(e => secrets.Any(s => e.Text.Contains(s, StringComparison.Ordinal)) || e.Text.Contains("token=eyJ", StringComparison.Ordinal))
            .Select(e => $"{e.Category} ({e.Level}): {e.Text[..Math.Min(200, e.Text.Length)]}")
            .Distinct()
            .ToList();
        Assert.True(leaks.Count == 0, "Tokens in the log:\n" + string.Join("\n", leaks));
    }

    [Fact]
    public async Task Every_protocol_closes_a_live_connection_at_its_tokens_expiry_with_a_reason()
    {
        await using var server = await EdgeTestServer.StartAsync();
        var lifetime = TimeSpan.FromSeconds(6);
        string Short(string role) => TestTokens.For(TestIds.New(role), role, lifetime: lifetime);

        await using var hub = await server.ConnectAsync(Short("rider"));
        var seed001 = await server.Seed001Async(Short("rider"));
        var seed002 = await server.Seed002Async("/ws/driver/available_bookings/", Short("driver"));
        var seed003 = await server.Seed003Async(Short("driver"));
        var seed004 = await server.Seed004Async(Short("rider"));
        await using (seed001)
        await using (seed002)
        await using (seed003)
        await using (seed004)
        {
            await seed001.WaitForAsync("connected");
            await seed002.ReadyAsync();
            await seed003.AnswerAsync("get_active_conversations", []);
            await seed004.WaitForAsync("connected");
            Envelope.Success(await hub.InvokeAsync("ping", new JsonObject()).DefaultTimeout());

            foreach (var socket in new[] { seed001, seed002, seed003, seed004 })
            {
                Assert.Equal(WebSocketCloseStatus.PolicyViolation, await socket.Closed.WaitAsync(TimeSpan.FromSeconds(20)));
                Assert.Equal("The access token expired.", socket.CloseDescription);
            }

            // The hub: a SignalR Close message whose error names the code; no call is answered after.
            var closed = await hub.Closed.WaitAsync(TimeSpan.FromSeconds(20));
            Assert.Equal("UNAUTHENTICATED: The access token expired. Reconnect with a fresh token.", closed.Error);
            Assert.Contains(server.Logs.Entries, e => e.EventId.Id == 211);
            await Assert.ThrowsAsync<HubConnectionClosedException>(() => hub.InvokeAsync("ping", new JsonObject()).DefaultTimeout());
        }
    }
}
