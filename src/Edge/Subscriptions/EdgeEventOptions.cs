namespace Rides.Edge.Subscriptions;

/// <summary>How the edge holds its topic subscriptions (section <c>Rides:Edge:Events</c>).</summary>
public sealed class EdgeEventOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Rides:Edge:Events";

    /// <summary>
    /// How often every held subscription is renewed (default 30 s). It must stay well inside the topics'
    /// lease (<c>Rides:Topics:SubscriptionLease</c>, 2 minutes); it also bounds how long a subscription
    /// lost with a failed silo stays lost.
    /// </summary>
    public TimeSpan RenewalPeriod { get; set; } = TimeSpan.FromSeconds(30);
}
