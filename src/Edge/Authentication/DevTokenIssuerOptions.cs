namespace Rides.Edge.Authentication;

/// <summary>The development token issuer: hands out tokens to anyone who asks. Never enable it in production.</summary>
public sealed class DevTokenIssuerOptions
{
    /// <summary>Whether <c>POST /api/v1/auth/token</c> is mapped. Default false.</summary>
    public bool Enabled { get; set; }

    /// <summary>How long an issued token is valid. Default one hour.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);
}
