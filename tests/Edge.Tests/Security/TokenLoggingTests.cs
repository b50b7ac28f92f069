using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace Rides.Edge.Tests.Security;

/// <summary>Tokens travel in the hub URL and in authenticate's payload; neither reaches a log, even at Trace level.</summary>
public sealed class TokenLoggingTests
{
    [Fact]
    public async Task No_token_is_written_to_any_log_even_at_trace_level()
    {
        await using var server = await EdgeTestServer.StartAsync(minimumLogLevel: LogLevel.Trace);
        var id = TestIds.New("rider");
        var token = EdgeTestServer.Token(id, "rider");
        await using (var client = await server.ConnectAsync(token))
        {
            Envelope.Success(await client.InvokeAsync("authenticate", new JsonObject { ["token"] = token }).DefaultTimeout());
            Envelope.Error(await client.InvokeAsync("authenticate", new JsonObject { ["token"] = token + "x" }).DefaultTimeout(), "UNAUTHENTICATED");
        }

        await server.SendAsync(HttpMethod.Get, "/api/v1/ws/stats", token);
        await server.SendAsync(HttpMethod.Get, "/api/v1/ws/stats", "bad." + token);
        var signature = token[(token.LastIndexOf('.') + 1)..];

        Assert.NotEmpty(server.Logs.Entries);
        var leaks = server.Logs.Entries.Where(e => e.Text.Contains(signature, StringComparison.Ordinal) || e.Text.Contains("access_token=", StringComparison.Ordinal)).Select(e => e.Category).Distinct();
        Assert.Empty(leaks);
    }
}
