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

    /// <summary>
    /// How long a connection keeps a ride's subscriptions after the ride's final status event (completed or
    /// canceled) reached it (default 5 s): no status or chat event follows it, but a location published just
    /// before may still be on its way. Then they are released, so a connection that stays open across many
    /// rides holds the subscriptions of its current rides only.
    /// </summary>
    public TimeSpan EndedRideLinger { get; set; } = TimeSpan.FromSeconds(5);
}
