using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Rides.Edge.Tests.Client;

/// <summary>
/// A small SignalR JSON-protocol client over <see cref="ClientWebSocket"/>: handshake, invocations with ids,
/// completions, server invocations, pings and close messages. The official C# client cannot be restored here.
/// </summary>
public sealed partial class HubTestClient : IAsyncDisposable
{
    private const byte RecordSeparator = 0x1E;
    private static readonly byte[] Handshake = Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}\u001e");
    private static readonly byte[] PingRecord = Encoding.UTF8.GetBytes("{\"type\":6}\u001e");
    private static readonly HttpClient Negotiation = new() { Timeout = TimeSpan.FromSeconds(10) };

    private readonly ClientWebSocket _socket;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _handshake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<HubCloseInfo> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _receiveLoop = Task.CompletedTask;
    private int _nextInvocationId;
    private int _disposed;

    private HubTestClient(ClientWebSocket socket, string? connectionId)
    {
        _socket = socket;
        ConnectionId = connectionId ?? string.Empty;
    }

    /// <summary>The server's connection id (known when the client negotiated; empty otherwise).</summary>
    public string ConnectionId { get; }

    /// <summary>Every server-to-client invocation received so far, and a way to wait for more.</summary>
    public EventInbox Events { get; } = new();

    /// <summary>Completes when the connection ends, with the server's close message when it sent one.</summary>
    public Task<HubCloseInfo> Closed => _closed.Task;

    /// <summary>
    /// Connects to <c>/hubs/rides</c> over WebSockets and completes the handshake. With <paramref name="negotiate"/>
    /// (the default, as the official clients do) it first POSTs <c>/hubs/rides/negotiate</c> to learn the
    /// connection id; without, it connects straight away (SignalR's skipNegotiation).
    /// </summary>
    public static async Task<HubTestClient> ConnectAsync(Uri server, string? accessToken, CancellationToken cancellationToken = default, bool negotiate = true)
    {
        string? connectionId = null;
        var query = accessToken is null ? string.Empty : "access_token=" + Uri.EscapeDataString(accessToken);
        if (negotiate)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server, "hubs/rides/negotiate?negotiateVersion=1"));
            if (accessToken is not null)
            {
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", accessToken);
            }

            using var response = await Negotiation.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new HubConnectRefusedException((int)response.StatusCode, new HttpRequestException("Negotiation refused."));
            }

            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
            connectionId = body.RootElement.GetProperty("connectionId").GetString();
            var connectionToken = body.RootElement.GetProperty("connectionToken").GetString();
            query = "id=" + Uri.EscapeDataString(connectionToken!) + (query.Length > 0 ? "&" + query : string.Empty);
        }

        var builder = new UriBuilder(server)
        {
            Scheme = server.Scheme == Uri.UriSchemeHttps ? "wss" : "ws",
            Path = "/hubs/rides",
            Query = query,
        };
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        try
        {
            await socket.ConnectAsync(builder.Uri, cancellationToken).ConfigureAwait(false);
        }
        catch (WebSocketException exception)
        {
            var status = (int)socket.HttpStatusCode;
            socket.Dispose();
            throw new HubConnectRefusedException(status, exception);
        }

        var client = new HubTestClient(socket, connectionId);
        client._receiveLoop = Task.Run(client.ReceiveLoopAsync);
        await client.SendRawAsync(Handshake, cancellationToken).ConfigureAwait(false);
        await client._handshake.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        return client;
    }

    /// <summary>Invokes <paramref name="method"/> with one argument and returns the completion's result.</summary>
    public Task<JsonElement> InvokeAsync(string method, object? payload, CancellationToken cancellationToken = default)
    {
        var argument = payload is JsonNode node ? node.ToJsonString() : JsonSerializer.Serialize(payload);
        return InvokeRawAsync(method, "[" + argument + "]", cancellationToken);
    }

    /// <summary>Invokes <paramref name="method"/> with the JSON array <paramref name="argumentsJson"/> as its arguments, as written.</summary>
    public async Task<JsonElement> InvokeRawAsync(string method, string argumentsJson, CancellationToken cancellationToken = default)
    {
        var id = Interlocked.Increment(ref _nextInvocationId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var completion = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = completion;
        if (_closed.Task.IsCompleted)
        {
            // The receive loop already failed every pending call; this one came too late for it.
            _pending.TryRemove(id, out _);
            throw new HubConnectionClosedException(_closed.Task.Result);
        }
        var record = $"{{\"type\":1,\"invocationId\":\"{id}\",\"target\":{JsonSerializer.Serialize(method)},\"arguments\":{argumentsJson}}}";
        try
        {
            await SendRawAsync([.. Encoding.UTF8.GetBytes(record), RecordSeparator], cancellationToken).ConfigureAwait(false);
            return await completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    /// <summary>Sends raw bytes as one text frame (for malformed-input tests).</summary>
    public async Task SendRawAsync(byte[] bytes, CancellationToken cancellationToken = default)
    {
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
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
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token).ConfigureAwait(false);
                await _receiveLoop.WaitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or TimeoutException)
            {
                // The server went first or is gone: nothing left to close.
            }
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        _socket.Abort();
        await _receiveLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _socket.Dispose();
        _stop.Dispose();
        _sendLock.Dispose();
    }
}
