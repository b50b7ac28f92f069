using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Rides.Grains;

namespace Rides.Edge.Authentication;

/// <summary>Validates a token given in a payload (seed 000's <c>authenticate</c>) exactly as the bearer handler does.</summary>
public sealed class AccessTokenValidator(IOptionsMonitor<JwtBearerOptions> options)
{
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    /// <summary>The caller the token stands for, or null when it is not valid.</summary>
    public async Task<Caller?> ValidateAsync(string token)
    {
        var parameters = options.Get(JwtBearerDefaults.AuthenticationScheme).TokenValidationParameters;
        var result = await _handler.ValidateTokenAsync(token, parameters).ConfigureAwait(false);
        return result.IsValid ? new ClaimsPrincipal(result.ClaimsIdentity).ToCaller() : null;
    }
}
