namespace Rides.Grains.Events;

/// <summary>How grains publish: <c>GrainFactory.PublishAsync(Topics.RideStatus(id), evt)</c>.</summary>
public static class TopicPublishing
{
    /// <summary>Publishes <paramref name="payload"/> on <paramref name="topic"/>; returns its sequence number there.</summary>
    public static Task<long> PublishAsync(this IGrainFactory grains, TopicId topic, object payload)
    {
        ArgumentNullException.ThrowIfNull(grains);
        return grains.GetGrain<ITopicGrain>(topic.ToString()).Publish(payload);
    }
}
