namespace Rides.Grains.Events;

/// <summary>How topics keep their subscribers (section <c>Rides:Topics</c>).</summary>
public sealed class TopicOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Rides:Topics";

    /// <summary>
    /// How long a subscription lives without renewal (default 2 minutes). Edge nodes renew well within
    /// it; a sink that stops renewing (its edge died) is dropped after it, so nothing is sent to it forever.
    /// </summary>
    public TimeSpan SubscriptionLease { get; set; } = TimeSpan.FromMinutes(2);
}
