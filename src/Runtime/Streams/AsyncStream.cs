using Rides.Runtime.Activation;

namespace Rides.Runtime.Streams;

/// <summary>The <see cref="IAsyncStream{T}"/> handed out by the runtime's stream provider.</summary>
internal sealed class AsyncStream<T>(StreamId streamId, StreamRegistry registry) : IAsyncStream<T>
{
    public StreamId StreamId => streamId;

    public Task<long> OnNextAsync(T item)
    {
        var sequence = registry.GetOrCreate(streamId).Publish(item);
        registry.Metrics.StreamPublished();
        return Task.FromResult(sequence);
    }

    public Task<StreamSubscriptionHandle<T>> SubscribeAsync(Func<T, StreamSequenceToken, Task> onNextAsync, long? afterSequence = null)
    {
        ArgumentNullException.ThrowIfNull(onNextAsync);
        var activation = ActivationData.Current;
        var state = registry.GetOrCreate(streamId);
        var subscription = new StreamSubscription(registry, state, typeof(T), (item, token) => onNextAsync((T)item!, token), activation);
        state.Subscribe(subscription, afterSequence);
        var handle = new Handle(subscription, streamId);
        activation?.OnDeactivating(handle.UnsubscribeAsync);
        return Task.FromResult<StreamSubscriptionHandle<T>>(handle);
    }

    public Task<StreamReplay<T>> GetEventsAfterAsync(long afterSequence)
    {
        var (events, last, complete) = registry.GetOrCreate(streamId).After(afterSequence);
        var copied = events.Select(e => new SequencedEvent<T>(e.Sequence, Copy((T)e.Item!))).ToList();
        return Task.FromResult(new StreamReplay<T>(copied, last, complete));
    }

    public Task<long> GetLastSequenceAsync() => Task.FromResult(registry.GetOrCreate(streamId).LastSequence);

    private T Copy(T item) =>
        registry.ForceSerialization ? (T)registry.Serializer.Deserialize(registry.Serializer.Serialize(item, typeof(T)), typeof(T))! : item;

    private sealed class Handle(StreamSubscription subscription, StreamId streamId) : StreamSubscriptionHandle<T>
    {
        public override Guid HandleId => subscription.Id;

        public override StreamId StreamId => streamId;

        public override Task UnsubscribeAsync()
        {
            subscription.Stop();
            return Task.CompletedTask;
        }
    }
}
