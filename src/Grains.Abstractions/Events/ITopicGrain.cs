using Orleans.Concurrency;

namespace Rides.Grains.Events;

/// <summary>
/// The fan-out point of one event source, keyed by <see cref="TopicId.ToString"/>. Grains publish to it;
/// edge nodes subscribe their <see cref="IEventSink"/> to it. Subscriptions are leases held in memory:
/// a subscriber renews them (<see cref="Subscribe"/> again) within <c>Rides:Topics:SubscriptionLease</c>,
/// and after a silo failure the renewal re-creates them. What a subscriber missed meanwhile it reads from
/// the source's own persisted log (a ride's events, a chat's messages), never from here.
/// </summary>
[Alias("rides.ITopicGrain")]
public interface ITopicGrain : IGrainWithStringKey
{
    /// <summary>
    /// Numbers the event and sends it to every subscribed sink; returns its sequence number. Publishers await
    /// it: that is what keeps one publisher's events in order (one-way calls were measured to arrive out of
    /// order when the topic was still being activated on another silo).
    /// </summary>
    [ResponseTimeout("00:00:02")] // a topic on a silo that just died must not hold up a ride's answer for the default 30 s
    Task<long> Publish(object payload);

    /// <summary>Subscribes or renews <paramref name="sink"/>. Idempotent.</summary>
    Task Subscribe(IEventSink sink);

    /// <summary>Ends <paramref name="sink"/>'s subscription. Idempotent.</summary>
    Task Unsubscribe(IEventSink sink);

    /// <summary>The sequence number of the last event published (0 when none).</summary>
    [ReadOnly]
    Task<long> GetLastSeq();

    /// <summary>How many sinks are subscribed now.</summary>
    [ReadOnly]
    Task<int> GetSubscriberCount();
}
