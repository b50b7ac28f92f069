using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Rides.Edge.Hubs;
using Rides.Grains;
using Rides.Grains.Events;

namespace Rides.Edge.Subscriptions;

/// <summary>
/// The connections of this edge node (SignalR hub connections and plain-WebSocket dialect sessions alike),
/// each with its <em>outlet</em>, the <see cref="IRideClient"/> its events are delivered to, and the topic
/// subscriptions it holds. A connection holds at most one subscription per topic; everything it holds is
/// released when it closes, including subscriptions still being made at that moment.
/// <see cref="ConnectionCount"/> and <see cref="SubscriptionCount"/> are what tests and stats read.
/// </summary>
public sealed partial class ConnectionSubscriptionRegistry(ILogger<ConnectionSubscriptionRegistry> logger)
{
    private readonly ConcurrentDictionary<string, ConnectionEntry> _connections = new(StringComparer.Ordinal);
    private long _subscriptionCount;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Open connections on this node (hub and plain WebSockets).</summary>
    public int ConnectionCount => _connections.Count;

    /// <summary>Live topic subscriptions held for connections on this node.</summary>
    public long SubscriptionCount => Interlocked.Read(ref _subscriptionCount);

    /// <summary>
    /// Completes at the next change of <see cref="ConnectionCount"/> or <see cref="SubscriptionCount"/>, so a
    /// watcher can wait for a count without polling: take the task, read the counts, then await the task.
    /// </summary>
    public Task WhenChangedAsync() => Volatile.Read(ref _changed).Task;

    /// <summary>
    /// Starts tracking a connection whose events go to <paramref name="outlet"/>: for a hub connection
    /// <c>IHubContext.Clients.Client(id)</c>, for a dialect session its translator. <paramref name="caller"/> is who
    /// it is authenticated as, for <see cref="CallerOf"/> (the hub keeps it here rather than in a per-connection
    /// dictionary of items).
    /// </summary>
    public void Open(string connectionId, IRideClient outlet, Caller? caller = null)
    {
        ArgumentNullException.ThrowIfNull(outlet);
        _connections.TryAdd(connectionId, new ConnectionEntry(outlet, caller));
        SignalChange();
    }

    /// <summary>Who the open connection is authenticated as, as given to <see cref="Open"/>; null once it closed.</summary>
    public Caller? CallerOf(string connectionId) =>
        _connections.TryGetValue(connectionId, out var entry) ? entry.Caller : null;

    /// <summary>Where the connection's events go, or null once it closed (its events are then dropped).</summary>
    public IRideClient? OutletOf(string connectionId) =>
        _connections.TryGetValue(connectionId, out var entry) ? entry.Outlet : null;

    /// <summary>Whether the connection is open and holds a subscription to <paramref name="topic"/>.</summary>
    public bool Holds(string connectionId, TopicId topic)
    {
        if (!_connections.TryGetValue(connectionId, out var entry))
        {
            return false;
        }

        lock (entry)
        {
            return entry.Slots.ContainsKey(topic);
        }
    }

    /// <summary>The topics a connection holds subscriptions to.</summary>
    public IReadOnlyList<TopicId> TopicsOf(string connectionId)
    {
        if (!_connections.TryGetValue(connectionId, out var entry))
        {
            return [];
        }

        lock (entry)
        {
            return [.. entry.Slots.Keys];
        }
    }

    /// <summary>
    /// Subscribes the connection to <paramref name="topic"/> with <paramref name="subscribe"/>, which returns
    /// the way to unsubscribe. Returns false, holding nothing, when the connection already holds that topic
    /// or closed meanwhile.
    /// </summary>
    public async Task<bool> AddAsync(string connectionId, TopicId topic, Func<Task<Func<Task>>> subscribe)
    {
        ArgumentNullException.ThrowIfNull(subscribe);
        if (!_connections.TryGetValue(connectionId, out var entry))
        {
            return false;
        }

        var slot = new Slot();
        lock (entry)
        {
            if (entry.Closed || !entry.Slots.TryAdd(topic, slot))
            {
                return false;
            }
        }

        Func<Task> unsubscribe;
        try
        {
            unsubscribe = await subscribe().ConfigureAwait(false);
        }
        catch
        {
            lock (entry)
            {
                if (entry.Slots.TryGetValue(topic, out var current) && current == slot)
                {
                    entry.Slots.Remove(topic);
                }
            }

            throw;
        }

        Interlocked.Increment(ref _subscriptionCount);
        SignalChange();
        bool keep;
        lock (entry)
        {
            keep = !entry.Closed && entry.Slots.TryGetValue(topic, out var current) && current == slot;
            if (keep)
            {
                slot.Unsubscribe = unsubscribe;
            }
        }

        if (!keep)
        {
            // The connection closed or left the topic while the subscription was being made.
            await ReleaseAsync(topic, unsubscribe).ConfigureAwait(false);
        }

        return keep;
    }

    /// <summary>Releases the connection's subscription to <paramref name="topic"/>, if it holds one.</summary>
    public async Task<bool> RemoveAsync(string connectionId, TopicId topic)
    {
        if (!_connections.TryGetValue(connectionId, out var entry))
        {
            return false;
        }

        Func<Task>? unsubscribe;
        lock (entry)
        {
            if (!entry.Slots.Remove(topic, out var slot))
            {
                return false;
            }

            // A slot still being subscribed is released by AddAsync when it sees the slot gone.
            unsubscribe = slot.Unsubscribe;
        }

        if (unsubscribe is not null)
        {
            await ReleaseAsync(topic, unsubscribe).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>Stops tracking a connection and releases every subscription it holds.</summary>
    public async Task CloseAsync(string connectionId)
    {
        if (!_connections.TryRemove(connectionId, out var entry))
        {
            return;
        }

        SignalChange();

        List<(TopicId Stream, Func<Task> Unsubscribe)> held = [];
        lock (entry)
        {
            entry.Closed = true;
            foreach (var (topic, slot) in entry.Slots)
            {
                if (slot.Unsubscribe is not null)
                {
                    held.Add((topic, slot.Unsubscribe));
                }
            }

            entry.Slots.Clear();
        }

        await Task.WhenAll(held.Select(h => ReleaseAsync(h.Stream, h.Unsubscribe))).ConfigureAwait(false);
    }

    private async Task ReleaseAsync(TopicId topic, Func<Task> unsubscribe)
    {
        try
        {
            await unsubscribe().ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // The edge no longer delivers for it either way; the runtime's own count shows a leak.
            LogUnsubscribeFailed(logger, exception, topic.ToString());
        }
        finally
        {
            Interlocked.Decrement(ref _subscriptionCount);
            SignalChange();
        }
    }

    private void SignalChange() =>
        Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    [LoggerMessage(EventId = 301, Level = LogLevel.Warning, Message = "Unsubscribing from topic {Topic} failed")]
    private static partial void LogUnsubscribeFailed(ILogger logger, Exception exception, string topic);

    private sealed class ConnectionEntry(IRideClient outlet, Caller? caller)
    {
        public IRideClient Outlet { get; } = outlet;

        public Caller? Caller { get; } = caller;

        public Dictionary<TopicId, Slot> Slots { get; } = [];

        public bool Closed { get; set; }
    }

    private sealed class Slot
    {
        public Func<Task>? Unsubscribe { get; set; }
    }
}
