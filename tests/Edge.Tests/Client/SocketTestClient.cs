using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Rides.Edge.Tests.Client;

/// <summary>
/// A plain-WebSocket client for the dialects (seeds 001–004) over <see cref="ClientWebSocket"/>: sends JSON
/// (or any text) frames, collects every frame the server sends in <see cref="Frames"/> by its <c>type</c>,
/// and reports how the socket closed.
/// </summary>
public sealed class SocketTestClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource<WebSocketCloseStatus?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _receiveLoop = Task.CompletedTask;

    private SocketTestClient(ClientWebSocket socket) => _socket = socket;

    /// <summary>Every frame received so far, by <c>type</c>, and a way to wait for more.</summary>
    public EventInbox Frames { get; } = new();

    /// <summary>Completes when the socket closed, with the server's close status (null when it was dropped without one).</summary>
    public Task<WebSocketCloseStatus?> Closed => _closed.Task;

    /// <summary>The close description the server gave.</summary>
    public string? CloseDescription => _socket.CloseStatusDescription;

    /// <summary>The subprotocol the server chose.</summary>
    public string? SubProtocol => _socket.SubProtocol;

    /// <summary>Whether the socket is still open.</summary>
    public bool IsOpen => _socket.State == WebSocketState.Open;

    /// <summary>
    /// Connects to <paramref name="path"/> (with its query) on <paramref name="server"/>. <paramref name="bearer"/> goes in an
    /// <c>Authorization</c> header, <paramref name="subProtocols"/> in <c>Sec-WebSocket-Protocol</c>. A refused upgrade throws
    /// <see cref="HubConnectRefusedException"/> with the HTTP status.
    /// </summary>
    public static async Task<SocketTestClient> ConnectAsync(Uri server, string path, string? bearer = null, IEnumerable<string>? subProtocols = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (bearer is not null)
        {
            socket.Options.SetRequestHeader("Authorization", "Bearer " + bearer);
        }

        foreach (var protocol in subProtocols ?? [])
        {
            socket.Options.AddSubProtocol(protocol);
        }

        var uri = new Uri((server.Scheme == Uri.UriSchemeHttps ? "wss://" : "ws://") + server.Authority + path);
        try
        {
            await socket.ConnectAsync(uri, CancellationToken.None).WaitAsync(TestTimeouts.Event).ConfigureAwait(false);
        }
        catch (WebSocketException exception)
        {
            var status = (int)socket.HttpStatusCode;
            socket.Dispose();
            throw new HubConnectRefusedException(status, exception);
        }

        var client = new SocketTestClient(socket);
        client._receiveLoop = Task.Run(client.ReceiveLoopAsync);
        return client;
    }

    /// <summary>Sends <paramref name="frame"/> as a JSON text frame.</summary>
    public Task SendAsync(JsonNode frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return SendTextAsync(frame.ToJsonString());
    }

    /// <summary>Sends <paramref name="text"/> as written, as one text frame.</summary>
    public Task SendTextAsync(string text) => SendRawAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text);

    /// <summary>Sends bytes as one frame of <paramref name="type"/>.</summary>
    public async Task SendRawAsync(byte[] bytes, WebSocketMessageType type)
    {
        await _sendLock.WaitAsync().ConfigureAwait(false);
        try
        {
            await _socket.SendAsync(bytes, type, endOfMessage: true, _stop.Token).WaitAsync(TestTimeouts.Event).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Sends <paramref name="frame"/> and waits for the first frame of type <paramref name="answerType"/> received after it (matching <paramref name="match"/>).</summary>
    public async Task<JsonElement> RequestAsync(JsonNode frame, string answerType, Func<JsonElement, bool>? match = null)
    {
        var before = Frames.Count;
        await SendAsync(frame).ConfigureAwait(false);
        return await Frames.WaitForAsync(answerType, match, skip: before).ConfigureAwait(false);
    }

    /// <summary>Waits for a frame of <paramref name="type"/> matching <paramref name="match"/>.</summary>
    public Task<JsonElement> WaitForAsync(string type, Func<JsonElement, bool>? match = null) => Frames.WaitForAsync(type, match);

    /// <summary>The frames of <paramref name="type"/> received so far, in order.</summary>
    public IReadOnlyList<JsonElement> Of(string type) => Frames.Of(type);

    /// <summary>Closes the socket normally and waits for the server's answer.</summary>
    public async Task CloseAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None).WaitAsync(TestTimeouts.Event).ConfigureAwait(false);
        }

        await Closed.WaitAsync(TestTimeouts.Event).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            await CloseAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is WebSocketException or TimeoutException or ObjectDisposedException)
        {
            // Already gone.
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        await _receiveLoop.ConfigureAwait(false);
        _socket.Dispose();
        _stop.Dispose();
        _sendLock.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer, _stop.Token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                var frame = JsonDocument.Parse(message.ToArray()).RootElement.Clone();
                message.SetLength(0);
                var type = frame.ValueKind == JsonValueKind.Object && frame.TryGetProperty("type", out var t) ? t.GetString() ?? string.Empty : string.Empty;
                Frames.Add(new HubEvent(type, frame));
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The socket ended.
        }

        _closed.TrySetResult(_socket.CloseStatus);
    }
}
