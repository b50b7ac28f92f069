using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace Rides.Edge.Tests.Dialects;

/// <summary>The dialects take tokens in the URL (as their seeds' apps send them), the header and the subprotocol; none reaches a log.</summary>
public sealed class DialectTokenLoggingTests
{
    [Fact]
    public async Task No_dialect_token_is_written_to_any_log_even_at_trace_level()
    {
        // The level through configuration too: the host's Logging:LogLevel:Default would otherwise hold it at Information.
        await using var server = await EdgeTestServer.StartAsync(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Trace" }, LogLevel.Trace);
        var token = EdgeTestServer.Token(TestIds.New("rider"), "rider");
        await using (var seed001 = await server.Seed001Async(token))
        {
            await seed001.RequestAsync(new JsonObject { ["type"] = "join_ride", ["ride_id"] = "ride_unknown" }, "error");
        }

        await using (var seed004 = await server.Seed004Async(token))
        {
            await seed004.RequestAsync(new JsonObject { ["type"] = "join", ["room"] = "booking:ride_unknown" }, "error");
        }

        await using (var viaProtocol = await Client.SocketTestClient.ConnectAsync(server.BaseAddress, "/ws", subProtocols: ["access_token", token]))
        {
            await viaProtocol.WaitForAsync("connected");
        }

        await using (var refused = await server.Seed004Async("bad." + token))
        {
            await refused.Closed.DefaultTimeout();
        }

        var signature = token[(token.LastIndexOf('.') + 1)..];
        Assert.Contains(server.Logs.Entries, e => e.Category.StartsWith("Rides.Edge.Sockets", StringComparison.Ordinal));
        var leaks = server.Logs.Entries.Where(e => e.Text.Contains(signature, StringComparison.Ordinal) || e.Text.Contains("token=", StringComparison.Ordinal)).Select(e => e.Category).Distinct();
        Assert.Empty(leaks);
    }
}
