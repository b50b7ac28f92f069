namespace Rides.Runtime.Streams;

/// <summary>Hands out streams by id.</summary>
public interface IStreamProvider
{
    /// <summary>The provider's name.</summary>
    string Name { get; }

    /// <summary>The stream with this id carrying events of type <typeparamref name="T"/>.</summary>
    IAsyncStream<T> GetStream<T>(StreamId streamId);
}

/// <summary>
/// A stream of events. Each published event gets the next per-stream sequence number; the stream
/// keeps a bounded tail of recent events so a subscriber can ask for what it missed.
/// </summary>
public interface IAsyncStream<T>
{
    /// <summary>The stream's id.</summary>
    StreamId StreamId { get; }

    /// <summary>Publishes an event; returns its sequence number once it is sequenced and queued to every subscriber.</summary>
    Task<long> OnNextAsync(T item);

    /// <summary>
    /// Subscribes. Events are delivered one at a time in sequence order. When called from a grain,
    /// delivery runs as a turn of that grain. With <paramref name="afterSequence"/>, the tail's events
    /// after it are delivered first, with no gap and no duplicate between replay and live events.
    /// </summary>
    Task<StreamSubscriptionHandle<T>> SubscribeAsync(Func<T, StreamSequenceToken, Task> onNextAsync, long? afterSequence = null);

    /// <summary>The events still in the tail with a sequence number greater than <paramref name="afterSequence"/>.</summary>
    Task<StreamReplay<T>> GetEventsAfterAsync(long afterSequence);

    /// <summary>The sequence number of the last published event (0 when none).</summary>
    Task<long> GetLastSequenceAsync();
}

/// <summary>The position of an event in its stream.</summary>
/// <param name="SequenceNumber">1 for the first event of a stream, then consecutive.</param>
public readonly record struct StreamSequenceToken(long SequenceNumber);

/// <summary>An event with its sequence number.</summary>
public sealed record SequencedEvent<T>(long Sequence, T Item);

/// <summary>The answer to a replay request.</summary>
/// <param name="Events">The events after the requested sequence that the tail still holds, in order.</param>
/// <param name="LastSequence">The stream's last sequence number.</param>
/// <param name="Complete">False when events after the requested sequence have already left the tail.</param>
public sealed record StreamReplay<T>(IReadOnlyList<SequencedEvent<T>> Events, long LastSequence, bool Complete);

/// <summary>A live subscription.</summary>
public abstract class StreamSubscriptionHandle<T>
{
    /// <summary>The subscription's id.</summary>
    public abstract Guid HandleId { get; }

    /// <summary>The stream subscribed to.</summary>
    public abstract StreamId StreamId { get; }

    /// <summary>Stops delivery. Idempotent.</summary>
    public abstract Task UnsubscribeAsync();
}
