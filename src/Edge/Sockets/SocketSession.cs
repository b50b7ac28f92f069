using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Rides.Edge.Operations;
using Rides.Edge.Protocol.Events;
using Rides.Edge.Subscriptions;
using Rides.Grains;
using Rides.Grains.Rides;

namespace Rides.Edge.Sockets;

/// <summary>
/// One plain-WebSocket connection of a dialect, authenticated before it starts. It is registered in
/// <see cref="ConnectionSubscriptionRegistry"/> like a hub connection (so stats and the subscription
/// machinery count it) with its translator as the outlet; it writes frames through a single writer from a
/// bounded queue, reads frames up to <see cref="SocketOptions.MaxFrameBytes"/> and hands them to the
/// translator one at a time, and closes itself when its token expires (1008).
/// </summary>
public sealed partial class SocketSession
{
    private readonly WebSocket _socket;
    private readonly SocketDialectOptions _dialect;
    private readonly SocketOptions _options;
    private readonly RideOperations _rides;
    private readonly ConnectionSubscriptionRegistry _registry;
    private readonly ILogger _logger;
    private readonly Channel<Outbound> _outbound;
    private readonly Channel<Inbound> _inbound;
    private readonly CancellationTokenSource _ended = new();
    private readonly Lock _rideLock = new();
    private readonly Dictionary<string, RideGate> _rideGates = new(StringComparer.Ordinal);
    private readonly DriverOperations _drivers;
    private SocketTranslator? _translator;
    private int _closing;

    internal SocketSession(
        string connectionId,
        Caller caller,
        DateTimeOffset expiresAt,
        HttpContext http,
        WebSocket socket,
        SocketDialectOptions dialect,
        SocketOptions options,
        RideOperations rides,
        DriverOperations drivers,
        ConnectionSubscriptionRegistry registry,
        TimeProvider time,
        ILogger logger)
    {
        ConnectionId = connectionId;
        Caller = caller;
        ExpiresAt = expiresAt;
        Query = http.Request.Query;
        Time = time;
        _socket = socket;
        _dialect = dialect;
        _options = options;
        _rides = rides;
        _drivers = drivers;
        _registry = registry;
        _logger = logger;
        _outbound = Channel.CreateBounded<Outbound>(new BoundedChannelOptions(options.SendQueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        _inbound = Channel.CreateBounded<Inbound>(new BoundedChannelOptions(options.ReceiveQueueCapacity) { SingleReader = true, SingleWriter = true });
    }

    /// <summary>The connection id in the registry (<c>{dialect}_{guid}</c>).</summary>
    public string ConnectionId { get; }

    /// <summary>Who connected, from the token.</summary>
    public Caller Caller { get; }

    /// <summary>When the token expires and the session closes.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>The query of the upgrade request (e.g. <c>last_event_id</c>).</summary>
    public IQueryCollection Query { get; }

    /// <summary>The platform's clock, for frame timestamps.</summary>
    public TimeProvider Time { get; }

    /// <summary>Whether the session is closing or closed: frames are no longer sent.</summary>
    public bool IsClosing => Volatile.Read(ref _closing) != 0;

    /// <summary>
    /// Queues <paramref name="frame"/>, serialized with the dialect's JSON conventions, for the writer. Never
    /// waits: when the queue is full the phone is too slow, and the socket is aborted. False when not queued.
    /// </summary>
    public bool Send(object frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (IsClosing)
        {
            return false;
        }

        var bytes = JsonSerializer.SerializeToUtf8Bytes(frame, frame.GetType(), _dialect.Json);
        if (_outbound.Writer.TryWrite(new Outbound(bytes, null, null)))
        {
            return true;
        }

        if (!IsClosing)
        {
            LogSendQueueFull(_logger, ConnectionId, _options.SendQueueCapacity);
            Abort();
        }

        return false;
    }

    /// <summary>Closes the socket with <paramref name="status"/> after the frames already queued; aborts it if the close handshake takes too long.</summary>
    public void Close(WebSocketCloseStatus status, string description)
    {
        if (Interlocked.Exchange(ref _closing, 1) != 0)
        {
            return;
        }

        if (!_outbound.Writer.TryWrite(new Outbound(null, status, description)))
        {
            Abort();
        }

        _outbound.Writer.TryComplete();
        _ = AbortAfterAsync(_options.CloseTimeout);
    }

    /// <summary>
    /// Joins the ride's room (the grain authorizes first) and, with <paramref name="afterSeq"/>, replays the
    /// ride's persisted status events after it to the translator before any live one, with no gap and no
    /// duplicate; without it, only events newer than the returned view follow.
    /// </summary>
    public async Task<RideView> JoinRideAsync(string rideId, long? afterSeq = null)
    {
        RideGate gate;
        bool created;
        lock (_rideLock)
        {
            created = !_rideGates.TryGetValue(rideId, out gate!);
            if (created)
            {
                gate = new RideGate();
                _rideGates[rideId] = gate;
            }

            gate.Held ??= [];
        }

        IReadOnlyList<RideStatusEvent> replay = [];
        RideView view;
        try
        {
            view = await _rides.JoinAsync(ConnectionId, Caller, rideId).ConfigureAwait(false);
            if (afterSeq is { } after)
            {
                replay = (await _rides.EventsAfterAsync(Caller, rideId, after).ConfigureAwait(false)).Events;
            }
        }
        catch
        {
            lock (_rideLock)
            {
                if (created)
                {
                    // Nothing was subscribed for a refused first join, so nothing can have been held.
                    gate.Held = null;
                    _rideGates.Remove(rideId);
                }
                else
                {
                    // A failed re-join keeps the room it already had: pass on what arrived meanwhile.
                    Release(gate, gate.Delivered, []);
                }
            }

            throw;
        }

        lock (_rideLock)
        {
            Release(gate, afterSeq ?? Math.Max(view.LastSeq, gate.Delivered), replay);
            if (view.Status.IsTerminal())
            {
                // An ended ride is not subscribed to (ConnectionStreams): nothing live will pass the gate.
                _rideGates.Remove(rideId);
            }
        }

        return view;
    }

    /// <summary>Leaves the ride's room.</summary>
    public Task LeaveRideAsync(string rideId)
    {
        lock (_rideLock)
        {
            _rideGates.Remove(rideId);
        }

        return _rides.LeaveAsync(ConnectionId, rideId);
    }

    // Under _rideLock: the replay and the held live events after `from`, each seq once, in order; then live again.
    private void Release(RideGate gate, long from, IReadOnlyList<RideStatusEvent> replay)
    {
        var pending = replay.Select(RideStatusUpdate.From).Concat(gate.Held ?? []).Where(u => u.Seq > from)
            .GroupBy(u => u.Seq).Select(g => g.First()).OrderBy(u => u.Seq).ToList();
        gate.Held = null;
        gate.Delivered = from;
        foreach (var update in pending)
        {
            gate.Delivered = update.Seq;
            _ = _translator!.RideStatusUpdate(update);
            ForgetIfEnded(update);
        }
    }

    // Under _rideLock: no status event follows a final one, so the ride's gate is no longer needed.
    private void ForgetIfEnded(RideStatusUpdate update)
    {
        if (update.Status.IsTerminal())
        {
            _rideGates.Remove(update.RideId);
        }
    }

    internal Task DeliverRideStatus(RideStatusUpdate update)
    {
        lock (_rideLock)
        {
            if (_rideGates.TryGetValue(update.RideId, out var gate))
            {
                if (gate.Held is { } held)
                {
                    held.Add(update);
                    return Task.CompletedTask;
                }

                if (update.Seq <= gate.Delivered)
                {
                    return Task.CompletedTask;
                }

                gate.Delivered = update.Seq;
            }

            // Inside the lock, so a replay finishing on another thread cannot overtake it.
            var delivery = _translator!.RideStatusUpdate(update);
            ForgetIfEnded(update);
            return delivery;
        }
    }

    private void Abort()
    {
        Interlocked.Exchange(ref _closing, 1);
        _outbound.Writer.TryComplete();
        _socket.Abort();
    }

    private async Task AbortAfterAsync(TimeSpan timeout)
    {
        try
        {
            await Task.Delay(timeout, Time, _ended.Token).ConfigureAwait(false);
            Abort();
        }
        catch (OperationCanceledException)
        {
            // The session ended in time.
        }
    }

    private sealed class RideGate
    {
        /// <summary>The highest status seq handed to the translator.</summary>
        public long Delivered { get; set; }

        /// <summary>Live updates held back while a join reads the replay; null when not joining.</summary>
        public List<RideStatusUpdate>? Held { get; set; }
    }

    private sealed record Outbound(byte[]? Payload, WebSocketCloseStatus? CloseStatus, string? CloseDescription);

    private sealed record Inbound(WebSocketMessageType Type, byte[] Payload);
}
