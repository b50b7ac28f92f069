using System.Threading.Channels;
using Rides.Runtime.Activation;

namespace Rides.Runtime.Streams;

/// <summary>
/// One subscriber: its own queue and pump, so a slow subscriber delays only itself and sees events
/// in sequence order. A grain's deliveries run as turns of its activation.
/// </summary>
internal sealed class StreamSubscription
{
    private readonly Channel<(long Sequence, object? Item)> _queue =
        Channel.CreateUnbounded<(long, object?)>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = false });

    private readonly StreamRegistry _registry;
    private readonly StreamState _stream;
    private readonly Func<object?, StreamSequenceToken, Task> _onNext;
    private readonly ActivationData? _activation;
    private readonly Type _itemType;
    private readonly Task _pump;
    private volatile bool _stopped;

    public StreamSubscription(StreamRegistry registry, StreamState stream, Type itemType, Func<object?, StreamSequenceToken, Task> onNext, ActivationData? activation)
    {
        _registry = registry;
        _stream = stream;
        _itemType = itemType;
        _onNext = onNext;
        _activation = activation;
        _pump = Task.Run(PumpAsync);
    }

    public Guid Id { get; } = Guid.NewGuid();

    public void Enqueue(long sequence, object? item) => _queue.Writer.TryWrite((sequence, item));

    /// <summary>The pump, which ends once the subscription is stopped.</summary>
    public Task Completion => _pump;

    /// <summary>Stops delivery: no event starts being delivered after this returns.</summary>
    public void Stop()
    {
        _stopped = true;
        _stream.Unsubscribe(this);
        _queue.Writer.TryComplete();
    }

    private async Task PumpAsync()
    {
        await foreach (var (sequence, item) in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            if (_stopped)
            {
                return;
            }

            var delivered = _registry.ForceSerialization
                ? _registry.Serializer.Deserialize(_registry.Serializer.Serialize(item, _itemType), _itemType)
                : item;
            var token = new StreamSequenceToken(sequence);
            try
            {
                if (_activation is null)
                {
                    await _onNext(delivered, token).ConfigureAwait(false);
                }
                else
                {
                    var work = new CallbackWorkItem(
                        () => _onNext(delivered, token),
                        keepsAlive: true,
                        ex => _registry.Log.StreamDeliveryFailed(_stream.Id.ToString(), ex));
                    if (!_activation.TryEnqueue(work))
                    {
                        // The subscribing activation is gone: its subscriptions go with it.
                        _queue.Writer.TryComplete();
                        _stream.Unsubscribe(this);
                        return;
                    }

                    await work.Completion.ConfigureAwait(false);
                }

                _registry.Metrics.StreamDelivered();
            }
            catch (Exception ex)
            {
                _registry.Log.StreamDeliveryFailed(_stream.Id.ToString(), ex);
            }
        }
    }
}
