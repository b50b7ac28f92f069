using Rides.Grains;

namespace Rides.Edge.Authentication;

/// <summary>The roles a token may carry, as role-claim values.</summary>
public static class TokenRoles
{
    /// <summary>Every role a token may carry: rider, driver, staff, admin, operator, regulator.</summary>
    public static IReadOnlyList<string> All { get; } =
        [.. new[] { UserRole.Rider, UserRole.Driver, UserRole.Staff, UserRole.Admin, UserRole.Operator, UserRole.Regulator }.Select(UserRoleNames.ToWire)];

    /// <summary>The claim value of <paramref name="role"/>.</summary>
    public static string Of(UserRole role) => UserRoleNames.ToWire(role);
}
