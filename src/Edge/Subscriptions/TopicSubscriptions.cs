using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Rides.Grains;
using Rides.Grains.Events;

namespace Rides.Edge.Subscriptions;

/// <summary>
/// This edge node's one subscription per topic. Every connection that needs a topic adds a listener
/// here; the first listener subscribes the node's single <see cref="IEventSink"/> to the topic grain,
/// the last one to leave unsubscribes it, and each event that arrives is handed to the topic's
/// listeners in arrival order. <see cref="RenewAllAsync"/> renews every held subscription (the topic's
/// lease), which also re-creates subscriptions lost with a silo.
/// </summary>
public sealed partial class TopicSubscriptions(IClusterClient cluster, ILogger<TopicSubscriptions> logger) : IEventSink
{
    private readonly ConcurrentDictionary<TopicId, Entry> _topics = new();
    private readonly ConcurrentDictionary<TopicId, Task> _unsubscribing = new();
    private readonly Lock _referenceLock = new();
    private IEventSink? _reference;

    /// <summary>Topics this node is subscribed to now.</summary>
    public int TopicCount => _topics.Count;

    /// <summary>
    /// Adds <paramref name="handler"/> as a listener of <paramref name="topic"/>, subscribing this node first
    /// if it is the topic's first listener. Disposing the result removes the listener.
    /// </summary>
    public async Task<IAsyncDisposable> SubscribeAsync(TopicId topic, Func<TopicEvent, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var listener = new Listener(handler);
        while (true)
        {
            var entry = _topics.GetOrAdd(topic, static t => new Entry(t));
            Task ready;
            lock (entry)
            {
                if (entry.Removed)
                {
                    continue;
                }

                entry.Listeners = entry.Listeners.Add(listener);
                ready = entry.Ready ??= SubscribeRemoteAsync(entry);
            }

            try
            {
                await ready.ConfigureAwait(false);
            }
            catch
            {
                lock (entry)
                {
                    // Let the next listener try again.
                    if (entry.Ready == ready)
                    {
                        entry.Ready = null;
                    }
                }

                await ReleaseAsync(entry, listener).ConfigureAwait(false);
                throw;
            }

            return new Lease(this, entry, listener);
        }
    }

    /// <summary>Renews every subscription this node holds; returns how many failed (logged, and retried by the caller).</summary>
    public Task<int> RenewAllAsync(CancellationToken cancellationToken) => RenewSliceAsync(0, 1, cancellationToken);

    /// <summary>
    /// Renews the subscriptions in slice <paramref name="slice"/> of <paramref name="slices"/> (by the topic's hash,
    /// stable for the life of this node): renewing one slice per tick spreads the renewals over the period instead
    /// of sending thousands of calls at once. Returns how many failed (logged, and retried by the caller).
    /// </summary>
    public async Task<int> RenewSliceAsync(int slice, int slices, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slices, 1);
        var held = _topics.Values
            .Where(e => e.Ready is { IsCompletedSuccessfully: true } && SliceOf(e.Topic, slices) == slice)
            .Select(e => e.Topic)
            .ToList();
        var failed = 0;
        await Parallel.ForEachAsync(held, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (topic, _) =>
        {
            try
            {
                await Topic(topic).Subscribe(Reference).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                Interlocked.Increment(ref failed);
                LogRenewFailed(logger, exception, topic.ToString());
            }
        }).ConfigureAwait(false);
        return failed;
    }

    /// <summary>The renewal slice of <paramref name="topic"/> among <paramref name="slices"/>: each topic is in exactly one.</summary>
    internal static int SliceOf(TopicId topic, int slices) => slices <= 1 ? 0 : (int)((uint)topic.GetHashCode() % (uint)slices);

    /// <inheritdoc />
    Task IEventSink.OnEvent(TopicEvent e)
    {
        if (e is not null && _topics.TryGetValue(e.Topic, out var entry))
        {
            foreach (var listener in entry.Listeners)
            {
                Deliver(listener, e);
            }
        }

        return Task.CompletedTask;
    }

    private IEventSink Reference
    {
        get
        {
            lock (_referenceLock)
            {
                // This node's one observer; the object manager holds it weakly, this singleton strongly.
                return _reference ??= cluster.CreateObjectReference<IEventSink>(this);
            }
        }
    }

    private ITopicGrain Topic(TopicId topic) => cluster.Get<ITopicGrain>(topic.ToString());

    private async Task SubscribeRemoteAsync(Entry entry)
    {
        if (_unsubscribing.TryGetValue(entry.Topic, out var leaving))
        {
            // The previous holder of this topic is still unsubscribing: let that land first.
            await leaving.ConfigureAwait(false);
        }

        await Topic(entry.Topic).Subscribe(Reference).ConfigureAwait(false);
    }

    private void Deliver(Listener listener, TopicEvent e)
    {
        try
        {
            var delivery = listener.Handler(e);
            if (!delivery.IsCompletedSuccessfully)
            {
                _ = ObserveAsync(delivery, e.Topic);
            }
        }
        catch (Exception exception)
        {
            LogDeliveryFailed(logger, exception, e.Topic.ToString());
        }
    }

    private async Task ObserveAsync(Task delivery, TopicId topic)
    {
        try
        {
            await delivery.ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // One connection's failed delivery must not stop the topic for the others.
            LogDeliveryFailed(logger, exception, topic.ToString());
        }
    }

    private async Task ReleaseAsync(Entry entry, Listener listener)
    {
        bool last;
        lock (entry)
        {
            entry.Listeners = entry.Listeners.Remove(listener);
            last = entry.Listeners.IsEmpty && !entry.Removed;
            if (last)
            {
                entry.Removed = true;
                _topics.TryRemove(new KeyValuePair<TopicId, Entry>(entry.Topic, entry));
            }
        }

        if (!last || entry.Ready is not { IsCompletedSuccessfully: true })
        {
            return;
        }

        var unsubscribe = UnsubscribeRemoteAsync(entry.Topic);
        _unsubscribing[entry.Topic] = unsubscribe;
        await unsubscribe.ConfigureAwait(false);
        _unsubscribing.TryRemove(new KeyValuePair<TopicId, Task>(entry.Topic, unsubscribe));
    }

    private async Task UnsubscribeRemoteAsync(TopicId topic)
    {
        try
        {
            await Topic(topic).Unsubscribe(Reference).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // The lease runs out on its own; nothing is delivered here for the topic meanwhile.
            LogUnsubscribeFailed(logger, exception, topic.ToString());
        }
    }

    [LoggerMessage(EventId = 321, Level = LogLevel.Warning, Message = "Delivering an event of topic {Topic} to a connection failed")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception, string topic);

    [LoggerMessage(EventId = 322, Level = LogLevel.Warning, Message = "Renewing the subscription to topic {Topic} failed; retried at the next renewal")]
    private static partial void LogRenewFailed(ILogger logger, Exception exception, string topic);

    [LoggerMessage(EventId = 323, Level = LogLevel.Warning, Message = "Unsubscribing from topic {Topic} failed; its lease will run out")]
    private static partial void LogUnsubscribeFailed(ILogger logger, Exception exception, string topic);

    private sealed class Entry(TopicId topic)
    {
        public TopicId Topic { get; } = topic;

        public ImmutableArray<Listener> Listeners { get; set; } = [];

        public Task? Ready { get; set; }

        public bool Removed { get; set; }
    }

    private sealed class Listener(Func<TopicEvent, Task> handler)
    {
        public Func<TopicEvent, Task> Handler { get; } = handler;
    }

    private sealed class Lease(TopicSubscriptions owner, Entry entry, Listener listener) : IAsyncDisposable
    {
        private int _disposed;

        public ValueTask DisposeAsync() =>
            Interlocked.Exchange(ref _disposed, 1) == 0 ? new ValueTask(owner.ReleaseAsync(entry, listener)) : ValueTask.CompletedTask;
    }
}
