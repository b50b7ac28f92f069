using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Rides.Grains;

namespace Rides.Edge.Authentication;

/// <summary>Signs HS256 tokens with the configured key (development issuer and tests).</summary>
public sealed class DevTokenIssuer
{
    private readonly EdgeAuthenticationOptions _options;
    private readonly TimeProvider _time;
    private readonly JsonWebTokenHandler _handler = new();

    /// <summary>Creates the issuer over the edge's authentication options.</summary>
    public DevTokenIssuer(IOptions<EdgeAuthenticationOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _time = time;
    }

    /// <summary>The lifetime of tokens issued without an explicit one.</summary>
    public TimeSpan DefaultLifetime => _options.DevIssuer.TokenLifetime;

    /// <summary>Issues a token for <paramref name="userId"/> acting as <paramref name="role"/>.</summary>
    public string Issue(string userId, UserRole role, string? name, TimeSpan? lifetime = null)
    {
        var key = SigningKeys.Symmetric(_options)
            ?? throw new InvalidOperationException($"The development issuer needs {EdgeAuthenticationOptions.SectionName}:SigningKey.");
        var now = _time.GetUtcNow().UtcDateTime;
        var claims = new List<Claim>
        {
            new(EdgeClaimTypes.Subject, userId),
            new(_options.RoleClaim, TokenRoles.Of(role)),
        };
        if (!string.IsNullOrWhiteSpace(name))
        {
            claims.Add(new Claim(EdgeClaimTypes.Name, name));
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = _options.Issuer,
            Audience = _options.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (lifetime ?? DefaultLifetime),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        };
        return _handler.CreateToken(descriptor);
    }
}
