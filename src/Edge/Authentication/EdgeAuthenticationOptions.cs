namespace Rides.Edge.Authentication;

/// <summary>
/// How the edge validates JSON Web Tokens (configuration section <c>Rides:Auth</c>).
/// </summary>
public sealed class EdgeAuthenticationOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Rides:Auth";

    /// <summary>The expected <c>iss</c> of every token. Default <c>rides</c>.</summary>
    public string Issuer { get; set; } = "rides";

    /// <summary>The expected <c>aud</c> of every token. Default <c>rides</c>.</summary>
    public string Audience { get; set; } = "rides";

    /// <summary>
    /// The shared secret for HS256 tokens, at least 32 bytes of UTF-8. Either this or
    /// <see cref="RsaPublicKeyPem"/> must be set.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>An RSA public key in PEM form; when set, RS256 tokens signed by its private key are accepted too.</summary>
    public string? RsaPublicKeyPem { get; set; }

    /// <summary>The claim that carries the role (<c>rider</c>, <c>driver</c>, <c>staff</c>, <c>admin</c>, <c>operator</c>). Default <c>role</c>.</summary>
    public string RoleClaim { get; set; } = "role";

    /// <summary>Tolerance for clock differences when checking <c>exp</c> and <c>nbf</c>. Default 30 seconds.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The development token issuer (<c>POST /api/v1/auth/token</c>); off unless configured.</summary>
    public DevTokenIssuerOptions DevIssuer { get; set; } = new();
}
