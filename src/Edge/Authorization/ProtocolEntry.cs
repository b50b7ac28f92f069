using Rides.Grains;
using Rides.Grains.Authorization;

namespace Rides.Edge.Authorization;

/// <summary>
/// One thing a client can call — a hub method, a REST endpoint, a dialect frame or channel — and the
/// <see cref="AccessPolicy"/> actions it asks for.
/// </summary>
/// <param name="Surface">Where it is called: <c>hub</c>, <c>rest</c>, <c>seed001</c> … <c>seed004</c>.</param>
/// <param name="Name">The method, <c>VERB /path</c>, frame type or channel path, as docs/protocol.md names it.</param>
/// <param name="Actions">The actions it asks for (none: it touches nothing of anyone, like <c>ping</c>; two: a ride's or a conversation's).</param>
/// <param name="Fixed">The relation the caller always has (the edge names the caller's own driver, rider or inbox), if any.</param>
/// <param name="Gate">The roles the endpoint lets through at all before a grain is asked (a REST group's policy), if narrower than any role.</param>
public sealed record ProtocolEntry(string Surface, string Name, IReadOnlyList<PlatformAction> Actions, Relation? Fixed = null, IReadOnlyList<UserRole>? Gate = null)
{
    /// <summary>Whether a caller of <paramref name="role"/> in <paramref name="relation"/> gets through the gate and the table for <paramref name="action"/>.</summary>
    public AccessDecision Decide(PlatformAction action, UserRole role, Relation relation) =>
        Gate is { } gate && !gate.Contains(role)
            ? AccessDecision.Forbidden("the endpoint is for other roles")
            : AccessPolicy.Decide(action, role, Fixed ?? relation);

    /// <summary>The relations a caller of <paramref name="role"/> can have to what <paramref name="action"/> touches through this entry.</summary>
    public IReadOnlyList<Relation> RelationsOf(PlatformAction action, UserRole role) =>
        Fixed is { } fixedRelation ? [fixedRelation] : AccessPolicy.RelationsOf(AccessPolicy.ResourceOf(action), role);
}
