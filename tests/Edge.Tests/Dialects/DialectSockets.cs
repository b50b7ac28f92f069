using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
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

    /// <summary>One of seed 002's channels (<c>/ws/bookings/</c>…), the token in the <c>Authorization: Bearer</c> header as seed 002 sends it.</summary>
    public static Task<SocketTestClient> Seed002Async(this EdgeTestServer server, string path, string? bearer)
    {
        ArgumentNullException.ThrowIfNull(server);
        return SocketTestClient.ConnectAsync(server.BaseAddress, path, bearer: bearer);
    }

    /// <summary>Seed 003's <c>/api/websocket/connect?token=…</c>.</summary>
    public static Task<SocketTestClient> Seed003Async(this EdgeTestServer server, string? token)
    {
        ArgumentNullException.ThrowIfNull(server);
        var query = token is null ? string.Empty : "?token=" + Uri.EscapeDataString(token);
        return SocketTestClient.ConnectAsync(server.BaseAddress, "/api/websocket/connect" + query);
    }

    /// <summary>
    /// Seed 002 sends no greeting: the answer to a frame proves the session opened (its subscriptions are in place), since
    /// frames are handled only after the open. The answer is seed 002's <c>{success: false}</c>.
    /// </summary>
    public static async Task ReadyAsync(this SocketTestClient socket)
    {
        ArgumentNullException.ThrowIfNull(socket);
        var answer = await socket.RequestAsync(new JsonObject { ["type"] = "ready?" }, string.Empty, e => e.Has("success")).ConfigureAwait(false);
        Assert.False(answer.At("success").GetBoolean());
    }

    /// <summary>
    /// Sends a WebSocket upgrade request over plain HTTP, so a refusal's status and body can be read (a
    /// <c>ClientWebSocket</c> only reports the status).
    /// </summary>
    public static async Task<RestAnswer> UpgradeAsync(this EdgeTestServer server, string path, string? bearer)
    {
        ArgumentNullException.ThrowIfNull(server);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Connection.Add("Upgrade");
        request.Headers.Upgrade.Add(new ProductHeaderValue("websocket"));
        request.Headers.Add("Sec-WebSocket-Version", "13");
        request.Headers.Add("Sec-WebSocket-Key", Convert.ToBase64String(Guid.NewGuid().ToByteArray()));
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        using var response = await server.Http.SendAsync(request).WaitAsync(TestTimeouts.Event).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync().WaitAsync(TestTimeouts.Event).ConfigureAwait(false);
        return new RestAnswer((int)response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone(), text);
    }

    /// <summary>
    /// Sends seed 003's request <c>{type, data}</c> and returns its answer: the next frame without a <c>type</c> (answers
    /// carry <c>success</c> and no type, as the seed shows them; broadcasts carry a type).
    /// </summary>
    public static Task<JsonElement> AnswerAsync(this SocketTestClient socket, string type, JsonObject data)
    {
        ArgumentNullException.ThrowIfNull(socket);
        return socket.RequestAsync(new JsonObject { ["type"] = type, ["data"] = data }, string.Empty, e => e.Has("success"));
    }
}
