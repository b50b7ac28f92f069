using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Placement;

namespace Rides.Grains.Events;

/// <summary>
/// One event source's fan-out: numbers each published event and sends it, one way, to every edge
/// sink subscribed. It holds sinks (one per edge node), never connections. Placed on the silo of its
/// first caller, which is usually the publisher (a ride, a driver) or the gateway its edge uses.
/// Leases run on the runtime's maintenance clock, not the grains' clock: they are infrastructure, renewed
/// by edges on real time (tests that move the grains' clock do not expire them). Nothing here is persisted: a lost activation loses only leases, which the edges renew, and
/// sequence numbers, which restart at 1 (the persisted logs of rides and chats heal what was missed).
/// A topic published to after its last edge left (a ride's status after its rider's connection let go) gets no
/// unsubscribe to end it; it leaves after two idle minutes rather than Orleans' fifteen. A subscribed topic is never
/// idle that long: every edge renews its subscription each renewal period (30 s), inside the lease.
/// </summary>
[GrainType("topic")]
[PreferLocalPlacement]
[CollectionAgeLimit(Minutes = 2)]
public sealed partial class TopicGrain(
    IOptions<TopicOptions> options,
    [FromKeyedServices(TimeProviderNames.SystemTimers)] TimeProvider time,
    ILogger<TopicGrain> logger) : Grain, ITopicGrain
{
    private readonly Dictionary<IEventSink, DateTimeOffset> _sinks = [];
    private readonly TimeSpan _lease = options.Value.SubscriptionLease;
    private TopicId _topic;
    private long _seq;

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _topic = TopicId.Parse(this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<long> Publish(object payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var e = new TopicEvent(_topic, ++_seq, payload);
        if (_sinks.Count > 0)
        {
            var now = time.GetUtcNow();
            List<IEventSink>? expired = null;
            foreach (var (sink, renewedAt) in _sinks)
            {
                if (now - renewedAt > _lease)
                {
                    (expired ??= []).Add(sink);
                    continue;
                }

                // One-way: completes at once; a dead sink costs a log line in the runtime, not a wait here.
                _ = sink.OnEvent(e);
            }

            if (expired is not null)
            {
                foreach (var sink in expired)
                {
                    _sinks.Remove(sink);
                }

                LogExpired(logger, expired.Count, _topic.ToString());
            }
        }

        return Task.FromResult(_seq);
    }

    /// <inheritdoc />
    public Task Subscribe(IEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        _sinks[sink] = time.GetUtcNow();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task Unsubscribe(IEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        _sinks.Remove(sink);
        if (_sinks.Count == 0)
        {
            DeactivateOnIdle();
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<long> GetLastSeq() => Task.FromResult(_seq);

    /// <inheritdoc />
    public Task<int> GetSubscriberCount() => Task.FromResult(_sinks.Count);

    [LoggerMessage(EventId = 601, Level = LogLevel.Information, Message = "Dropped {Count} expired subscription(s) of topic {Topic}")]
    private static partial void LogExpired(ILogger logger, int count, string topic);
}
