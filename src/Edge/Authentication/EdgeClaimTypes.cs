namespace Rides.Edge.Authentication;

/// <summary>The claims the edge reads from a token.</summary>
public static class EdgeClaimTypes
{
    /// <summary>The user id (<c>sub</c>).</summary>
    public const string Subject = "sub";

    /// <summary>The display name (<c>name</c>).</summary>
    public const string Name = "name";

    /// <summary>The expiry, in seconds since 1970 (<c>exp</c>).</summary>
    public const string Expires = "exp";
}
