using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Rides.Edge.Tests;

/// <summary>Mints tokens the way an identity provider would, including bad ones.</summary>
public static class TestTokens
{
    /// <summary>The HS256 key the test servers are configured with.</summary>
    public const string SigningKey = "test-only-signing-key-for-the-edge-tests-0123456789";

    /// <summary>An RSA key pair for RS256 tests; servers are configured with its public half.</summary>
    public static RSA Rsa { get; } = RSA.Create(2048);

    /// <summary>The public half of <see cref="Rsa"/> in PEM.</summary>
    public static string RsaPublicKeyPem { get; } = Rsa.ExportSubjectPublicKeyInfoPem();

    /// <summary>A valid HS256 token for <paramref name="userId"/> in <paramref name="role"/> (a role-claim value).</summary>
    public static string For(string userId, string role, string? name = null, TimeSpan? lifetime = null, string signingKey = SigningKey, DateTime? issuedAt = null)
    {
        var credentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey)), SecurityAlgorithms.HmacSha256);
        return Create(userId, role, name, lifetime, credentials, issuedAt);
    }

    /// <summary>A valid RS256 token signed with <see cref="Rsa"/>.</summary>
    public static string Rs256For(string userId, string role) =>
        Create(userId, role, null, null, new SigningCredentials(new RsaSecurityKey(Rsa), SecurityAlgorithms.RsaSha256), null);

    /// <summary>A token that expired a minute ago.</summary>
    public static string Expired(string userId, string role) =>
        For(userId, role, lifetime: TimeSpan.FromMinutes(1), issuedAt: DateTime.UtcNow.AddMinutes(-2));

    private static string Create(string userId, string role, string? name, TimeSpan? lifetime, SigningCredentials credentials, DateTime? issuedAt)
    {
        var now = issuedAt ?? DateTime.UtcNow;
        var claims = new List<Claim> { new("sub", userId), new("role", role) };
        if (name is not null)
        {
            claims.Add(new Claim("name", name));
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "rides",
            Audience = "rides",
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (lifetime ?? TimeSpan.FromHours(1)),
            SigningCredentials = credentials,
        });
    }
}
