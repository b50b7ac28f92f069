using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Rides.LoadGen.Client;

/// <summary>
/// A compact SignalR JSON-protocol client over <see cref="ClientWebSocket"/> for any hub path: negotiate,
/// handshake, invocations with ids, server invocations, pings. Every received WebSocket message is stamped
/// with <see cref="Stopwatch.GetTimestamp"/> before it is parsed, so a latency ends when the bytes reach
/// the client. (The edge tests' client is fixed to <c>/hubs/rides</c> and keeps every event, so the load
/// generator, which must talk to two hubs with the same code, has its own.)
/// </summary>
public sealed partial class RawHubClient : IAsyncDisposable
{
    private const byte RecordSeparator = 0x1E;
    private static readonly byte[] Handshake = Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}\u001e");
    private static readonly byte[] PingRecord = Encoding.UTF8.GetBytes("{\"type\":6}\u001e");

    private readonly ClientWebSocket _socket;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<HubCompletion>> _pending = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _handshake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _receiveLoop = Task.CompletedTask;
    private long _nextInvocationId;
    private int _disposed;

    private RawHubClient(ClientWebSocket socket, string connectionId)
    {
        _socket = socket;
        ConnectionId = connectionId;
    }

    /// <summary>The server's id of this connection (from negotiation).</summary>
    public string ConnectionId { get; }

    /// <summary>Receives server-to-client invocations; null drops them.</summary>
    public HubEventHandler? EventReceived { get; set; }

    /// <summary>Negotiates, opens the WebSocket to <paramref name="hubPath"/> and completes the handshake.</summary>
    public static async Task<RawHubClient> ConnectAsync(HttpClient http, Uri server, string hubPath, string? accessToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(server);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server, hubPath.TrimStart('/') + "/negotiate?negotiateVersion=1"));
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        var connectionId = body.RootElement.GetProperty("connectionId").GetString()!;
        var query = "id=" + Uri.EscapeDataString(body.RootElement.GetProperty("connectionToken").GetString()!)
            + (accessToken is null ? string.Empty : "&access_token=" + Uri.EscapeDataString(accessToken));

        var socket = new ClientWebSocket();
        var target = new UriBuilder(server) { Scheme = "ws", Path = hubPath, Query = query }.Uri;
        try
        {
            await socket.ConnectAsync(target, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        var client = new RawHubClient(socket, connectionId);
        client._receiveLoop = Task.Run(client.ReceiveLoopAsync, CancellationToken.None);
        await client.SendAsync(Handshake, cancellationToken).ConfigureAwait(false);
        await client._handshake.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        return client;
    }

    /// <summary>Invokes <paramref name="method"/> (a wire name, written unescaped) with one argument, <paramref name="payloadJson"/> as written.</summary>
    public async Task<HubCompletion> InvokeAsync(string method, string payloadJson, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextInvocationId).ToString(CultureInfo.InvariantCulture);
        var completion = new TaskCompletionSource<HubCompletion>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = completion;
        var record = Encoding.UTF8.GetBytes($"{{\"type\":1,\"invocationId\":\"{id}\",\"target\":\"{method}\",\"arguments\":[{payloadJson}]}}\u001e");
        try
        {
            var sentAt = await SendAsync(record, cancellationToken).ConfigureAwait(false);
            var answer = await completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            return answer with { SentAt = sentAt };
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        if (_socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token).ConfigureAwait(false);
                await _receiveLoop.WaitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
            {
                // The server closed first or is gone: nothing left to close.
            }
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        _socket.Abort();
        await _receiveLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _socket.Dispose();
        _stop.Dispose();
        _sendLock.Dispose();
    }

    /// <summary>Sends one text frame; returns the stopwatch stamp taken just before it went to the socket.</summary>
    private async Task<long> SendAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var sentAt = Stopwatch.GetTimestamp();
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
            return sentAt;
        }
        finally
        {
            _sendLock.Release();
        }
    }
}
