using Microsoft.AspNetCore.Authorization;
using Rides.Grains;
using Rides.Grains.Authorization;

namespace Rides.Edge.Authentication;

/// <summary>The authorization policies of the hub and the REST API (who may call at all; grains decide the rest).</summary>
public static class EdgePolicies
{
    /// <summary>Any valid token with a user id and a role a token may carry (the hub, ride reads).</summary>
    public const string User = "rides.user";

    /// <summary>Riders (ride requests, ratings, payments).</summary>
    public const string Rider = "rides.rider";

    /// <summary>Drivers (availability, location, their rides' actions, profile, history).</summary>
    public const string Driver = "rides.driver";

    /// <summary>The roles the <see cref="AccessPolicy"/> lets see the platform statistics (staff, admins, operators).</summary>
    public const string Operations = "rides.operations";

    /// <summary>Admins and operators (the Orleans Dashboard outside Development).</summary>
    public const string ClusterOperators = "rides.cluster-operators";

    internal static void Add(AuthorizationOptions options, string roleClaim)
    {
        options.AddPolicy(User, policy => policy
            .RequireAuthenticatedUser()
            .RequireClaim(EdgeClaimTypes.Subject)
            .RequireClaim(roleClaim, TokenRoles.All));
        options.AddPolicy(Rider, policy => policy
            .RequireAuthenticatedUser()
            .RequireClaim(EdgeClaimTypes.Subject)
            .RequireClaim(roleClaim, TokenRoles.Of(UserRole.Rider)));
        options.AddPolicy(Driver, policy => policy
            .RequireAuthenticatedUser()
            .RequireClaim(EdgeClaimTypes.Subject)
            .RequireClaim(roleClaim, TokenRoles.Of(UserRole.Driver)));
        options.AddPolicy(Operations, policy => policy
            .RequireAuthenticatedUser()
            .RequireClaim(roleClaim, AccessPolicy.AllowedRoles(PlatformAction.ViewPlatformStats).Select(TokenRoles.Of)));
        options.AddPolicy(ClusterOperators, policy => policy
            .RequireAuthenticatedUser()
            .RequireClaim(roleClaim, TokenRoles.Of(UserRole.Admin), TokenRoles.Of(UserRole.Operator)));
    }
}
