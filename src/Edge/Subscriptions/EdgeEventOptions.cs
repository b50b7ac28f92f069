namespace Rides.Edge.Subscriptions;

/// <summary>How the edge holds its topic subscriptions (section <c>Rides:Edge:Events</c>).</summary>
public sealed class EdgeEventOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Rides:Edge:Events";

    /// <summary>
    /// How often every held subscription is renewed (default 30 s). It must stay well inside the topics'
    /// lease (<c>Rides:Topics:SubscriptionLease</c>, 2 minutes).
    /// </summary>
    public TimeSpan RenewalPeriod { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often the node asks the cluster which silos are active (default 1 s). When a silo has left, the
    /// subscriptions it held are re-created at once: this bounds, with the cluster's failure detection, how
    /// long a silo failure interrupts pushes. One small call per period per edge node.
    /// </summary>
    public TimeSpan MembershipCheckPeriod { get; set; } = TimeSpan.FromSeconds(1);
}
