using System.Security.Claims;
using Rides.Grains;

namespace Rides.Edge.Authentication;

/// <summary>Turns a validated token's principal into the <see cref="Caller"/> grains authorize.</summary>
public static class ClaimsPrincipalExtensions
{
    /// <summary>
    /// The caller the principal stands for, or null when it lacks a user id or carries no role a
    /// token may carry (rider, driver, staff, admin, operator, regulator; never system).
    /// </summary>
    public static Caller? ToCaller(this ClaimsPrincipal? principal)
    {
        if (principal?.Identity is not ClaimsIdentity { IsAuthenticated: true } identity)
        {
            return null;
        }

        var id = principal.FindFirst(EdgeClaimTypes.Subject)?.Value;
        var roleValue = principal.FindFirst(identity.RoleClaimType)?.Value;
        if (string.IsNullOrEmpty(id) || !UserRoleNames.TryParse(roleValue, out var role) || role == UserRole.System)
        {
            return null;
        }

        var name = principal.FindFirst(EdgeClaimTypes.Name)?.Value;
        return new Caller(id, role, string.IsNullOrWhiteSpace(name) ? null : name);
    }
}
