using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Rides.Edge.Authentication;

/// <summary>Builds the keys tokens are validated (and, in development, signed) with.</summary>
internal static class SigningKeys
{
    /// <summary>HS256 needs a key of at least 256 bits.</summary>
    public const int MinimumSymmetricKeyBytes = 32;

    public static SymmetricSecurityKey? Symmetric(EdgeAuthenticationOptions options)
    {
        if (string.IsNullOrEmpty(options.SigningKey))
        {
            return null;
        }

        var bytes = Encoding.UTF8.GetBytes(options.SigningKey);
        if (bytes.Length < MinimumSymmetricKeyBytes)
        {
            throw new InvalidOperationException(
                $"{EdgeAuthenticationOptions.SectionName}:SigningKey must be at least {MinimumSymmetricKeyBytes} bytes long for HS256.");
        }

        return new SymmetricSecurityKey(bytes) { KeyId = "hs256" };
    }

    public static RsaSecurityKey? Rsa(EdgeAuthenticationOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.RsaPublicKeyPem))
        {
            return null;
        }

        var rsa = RSA.Create();
        rsa.ImportFromPem(options.RsaPublicKeyPem);
        return new RsaSecurityKey(rsa);
    }

    public static IReadOnlyList<SecurityKey> ValidationKeys(EdgeAuthenticationOptions options)
    {
        var keys = new List<SecurityKey>();
        if (Symmetric(options) is { } symmetric)
        {
            keys.Add(symmetric);
        }

        if (Rsa(options) is { } rsa)
        {
            keys.Add(rsa);
        }

        if (keys.Count == 0)
        {
            throw new InvalidOperationException(
                $"The edge cannot validate tokens: set {EdgeAuthenticationOptions.SectionName}:SigningKey (HS256) or {EdgeAuthenticationOptions.SectionName}:RsaPublicKeyPem (RS256).");
        }

        return keys;
    }
}
