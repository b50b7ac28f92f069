namespace Rides.Runtime.Streams;

/// <summary>One stream: its sequence counter, tail and subscribers. All changes under one lock, so sequence order is delivery order.</summary>
internal sealed class StreamState(StreamId id, StreamRegistry registry)
{
    private readonly object _lock = new();
    private readonly Queue<(long Sequence, object? Item)> _tail = new();
    private readonly List<StreamSubscription> _subscribers = [];
    private long _lastSequence;
    private long _lastActivity = registry.TimeProvider.GetTimestamp();

    public StreamId Id => id;

    public int SubscriberCount
    {
        get
        {
            lock (_lock)
            {
                return _subscribers.Count;
            }
        }
    }

    public long LastSequence
    {
        get
        {
            lock (_lock)
            {
                return _lastSequence;
            }
        }
    }

    public long Publish(object? item)
    {
        lock (_lock)
        {
            var sequence = ++_lastSequence;
            _tail.Enqueue((sequence, item));
            while (_tail.Count > registry.Options.TailSize)
            {
                _tail.Dequeue();
            }

            _lastActivity = registry.TimeProvider.GetTimestamp();
            foreach (var subscriber in _subscribers)
            {
                subscriber.Enqueue(sequence, item);
            }

            return sequence;
        }
    }

    public void Subscribe(StreamSubscription subscription, long? afterSequence)
    {
        lock (_lock)
        {
            if (afterSequence is { } after)
            {
                foreach (var (sequence, item) in _tail)
                {
                    if (sequence > after)
                    {
                        subscription.Enqueue(sequence, item);
                    }
                }
            }

            _subscribers.Add(subscription);
            _lastActivity = registry.TimeProvider.GetTimestamp();
        }
    }

    public bool Unsubscribe(StreamSubscription subscription)
    {
        lock (_lock)
        {
            _lastActivity = registry.TimeProvider.GetTimestamp();
            return _subscribers.Remove(subscription);
        }
    }

    public (List<(long Sequence, object? Item)> Events, long LastSequence, bool Complete) After(long afterSequence)
    {
        lock (_lock)
        {
            var events = _tail.Where(e => e.Sequence > afterSequence).ToList();
            var oldest = _tail.Count > 0 ? _tail.Peek().Sequence : _lastSequence + 1;
            var complete = afterSequence >= _lastSequence || oldest <= afterSequence + 1;
            return (events, _lastSequence, complete);
        }
    }

    public bool IsIdle(TimeSpan age)
    {
        lock (_lock)
        {
            return _subscribers.Count == 0 && registry.TimeProvider.GetElapsedTime(_lastActivity) >= age;
        }
    }
}
