using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Rides.Grains;

namespace Rides.Edge.Authentication;

/// <summary>
/// Validates a token given outside the bearer handler (seed 000's <c>authenticate</c> payload, a plain
/// WebSocket's query or subprotocol) exactly as the bearer handler does: same keys, issuer, audience, lifetime.
/// </summary>
public sealed class AccessTokenValidator(IOptionsMonitor<JwtBearerOptions> options)
{
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    /// <summary>The caller the token stands for, or null when it is not valid.</summary>
    public async Task<Caller?> ValidateAsync(string token) => (await ValidateTokenAsync(token).ConfigureAwait(false))?.Caller;

    /// <summary>
    /// The validated token (its caller, null when it names no user or a role no token may carry, and its
    /// expiry), or null when the token is not valid at all.
    /// </summary>
    public async Task<ValidatedToken?> ValidateTokenAsync(string token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        var parameters = options.Get(JwtBearerDefaults.AuthenticationScheme).TokenValidationParameters;
        var result = await _handler.ValidateTokenAsync(token, parameters).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return null;
        }

        var expires = result.SecurityToken is JsonWebToken jwt ? new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero) : DateTimeOffset.MaxValue;
        return new ValidatedToken(new ClaimsPrincipal(result.ClaimsIdentity).ToCaller(), expires);
    }
}
