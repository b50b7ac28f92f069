namespace Rides.Grains.Authorization;

/// <summary>One row of the <see cref="AccessPolicy"/>: for <paramref name="Action"/>, callers of <paramref name="Roles"/> in <paramref name="Relations"/> get <paramref name="Decision"/>.</summary>
/// <param name="Action">The action.</param>
/// <param name="Roles">The roles the row speaks for.</param>
/// <param name="Relations">The relations to the resource the row speaks for.</param>
/// <param name="Decision">What those callers get.</param>
public sealed record AccessRule(PlatformAction Action, IReadOnlyList<UserRole> Roles, IReadOnlyList<Relation> Relations, AccessDecision Decision);
