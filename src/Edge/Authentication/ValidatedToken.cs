using Rides.Grains;

namespace Rides.Edge.Authentication;

/// <summary>A token whose signature, issuer, audience and lifetime were checked.</summary>
/// <param name="Caller">Who it stands for; null when it lacks a user id or carries a role no token may carry (403 rather than 401).</param>
/// <param name="ExpiresAt">Its <c>exp</c>: a connection opened with it is closed then.</param>
public sealed record ValidatedToken(Caller? Caller, DateTimeOffset ExpiresAt);
