using Rides.Edge.Tests.Client;

namespace Rides.Edge.Tests.Dialects;

/// <summary>Connects plain-WebSocket clients to the dialects' own paths.</summary>
public static class DialectSockets
{
    /// <summary>Seed 001's <c>/api/v1/ws/connect?token=…</c>, with more query after it (e.g. <c>&amp;last_event_id=…</c>).</summary>
    public static Task<SocketTestClient> Seed001Async(this EdgeTestServer server, string? token, string extraQuery = "")
    {
        ArgumentNullException.ThrowIfNull(server);
        var query = token is null ? "?" : "?token=" + Uri.EscapeDataString(token);
        return SocketTestClient.ConnectAsync(server.BaseAddress, "/api/v1/ws/connect" + query + extraQuery);
    }

    /// <summary>Seed 004's <c>/ws?token=…</c>, with more query after it.</summary>
    public static Task<SocketTestClient> Seed004Async(this EdgeTestServer server, string? token, string extraQuery = "")
    {
        ArgumentNullException.ThrowIfNull(server);
        var query = token is null ? "?" : "?token=" + Uri.EscapeDataString(token);
        return SocketTestClient.ConnectAsync(server.BaseAddress, "/ws" + query + extraQuery);
    }
}
