using System.Security.Claims;

namespace Rides.Edge.Authentication;

/// <summary>
/// The principal a request or hub connection keeps once its token is validated: the claims the edge reads
/// (<c>sub</c>, the role claim, <c>name</c>, <c>exp</c>) and nothing more. A hub connection holds its principal for
/// its whole life, and the identity the token handler builds holds the token itself, both of its parsed claim sets
/// and every claim it carries: about 4 KiB a connection at 16 claims (docs/benchmarks.md, "What a held
/// connection keeps"). Claim types are the edge's own constants, so a held connection keeps no type strings of its own.
/// </summary>
public static class HeldPrincipal
{
    /// <summary>A principal with only the claims of <paramref name="validated"/> that the edge reads, same authentication, name and role types.</summary>
    public static ClaimsPrincipal From(ClaimsIdentity validated)
    {
        ArgumentNullException.ThrowIfNull(validated);
        var roleType = validated.RoleClaimType;
        var held = new ClaimsIdentity(validated.AuthenticationType, validated.NameClaimType, roleType);
        foreach (var claim in validated.Claims)
        {
            var type = claim.Type switch
            {
                EdgeClaimTypes.Subject => EdgeClaimTypes.Subject,
                EdgeClaimTypes.Name => EdgeClaimTypes.Name,
                EdgeClaimTypes.Expires => EdgeClaimTypes.Expires,
                _ when claim.Type == roleType => roleType,
                _ => null,
            };
            if (type is not null)
            {
                // Made with its subject, so AddClaim keeps it rather than cloning it.
                held.AddClaim(new Claim(type, claim.Value, claim.ValueType, claim.Issuer, claim.OriginalIssuer, held));
            }
        }

        return new ClaimsPrincipal(held);
    }
}
