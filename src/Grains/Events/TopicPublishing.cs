using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Rides.Grains.Events;

/// <summary>
/// How grains publish: <c>this.PublishAsync(Topics.RideStatus(id), evt)</c>, after the change is persisted.
/// Publishing is best effort: a topic on a silo that just died, or one that does not answer within
/// the 2 s response timeout of <see cref="ITopicGrain.Publish"/>, costs a log line, never the caller's answer, because the change it reports is
/// already stored and clients heal a missed push from the persisted log (<c>get_missed_events</c>).
/// </summary>
public static partial class TopicPublishing
{
    /// <summary>Publishes <paramref name="payload"/> on <paramref name="topic"/>; a failure is logged, not thrown.</summary>
    public static async Task PublishAsync(this IGrainBase grain, TopicId topic, object payload)
    {
        ArgumentNullException.ThrowIfNull(grain);
        var services = grain.GrainContext.ActivationServices;
        try
        {
            await services.GetRequiredService<IGrainFactory>().Get<ITopicGrain>(topic.ToString()).Publish(payload);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogPublishFailed(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TopicPublishing)), exception, topic.ToString(), grain.GrainContext.GrainId.ToString());
        }
    }

    [LoggerMessage(EventId = 602, Level = LogLevel.Warning, Message = "Publishing on topic {Topic} from {Grain} failed; subscribers heal it by replay")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, string topic, string grain);
}
