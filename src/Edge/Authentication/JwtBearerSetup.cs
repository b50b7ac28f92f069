using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;
using Rides.Edge.Protocol;

namespace Rides.Edge.Authentication;

/// <summary>Configures JWT bearer validation for the hub and the REST API.</summary>
internal static class JwtBearerSetup
{
    /// <summary>SignalR clients cannot set headers on WebSockets, so they send the token in this query parameter.</summary>
    public const string AccessTokenQueryParameter = "access_token";

    public static void Configure(JwtBearerOptions bearer, EdgeAuthenticationOptions options, PathString hubPath)
    {
        bearer.MapInboundClaims = false;
        bearer.IncludeErrorDetails = false;
        bearer.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = options.Issuer,
            ValidAudience = options.Audience,
            IssuerSigningKeys = SigningKeys.ValidationKeys(options),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256, SecurityAlgorithms.RsaSha256],
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            ValidateIssuerSigningKey = true,
            RequireExpirationTime = true,
            ClockSkew = options.ClockSkew,
            NameClaimType = EdgeClaimTypes.Subject,
            RoleClaimType = options.RoleClaim,
        };
        bearer.Events = new JwtBearerEvents
        {
            OnMessageReceived = context =>
            {
                // Only the hub path takes the token from the query: elsewhere a token in a URL is refused
                // because URLs end up in logs and browser histories.
                if (context.HttpContext.Request.Path.StartsWithSegments(hubPath)
                    && context.Request.Query.TryGetValue(AccessTokenQueryParameter, out var token)
                    && !string.IsNullOrEmpty(token))
                {
                    context.Token = token;
                }

                return Task.CompletedTask;
            },
            OnTokenValidated = context =>
            {
                // A hub connection keeps its principal for its life: keep only the claims the edge reads.
                if (context.Principal?.Identity is ClaimsIdentity validated)
                {
                    context.Principal = HeldPrincipal.From(validated);
                }

                return Task.CompletedTask;
            },
            OnChallenge = async context =>
            {
                // A JSON error instead of an empty 401; the reason stays in the WWW-Authenticate header only.
                context.HandleResponse();
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = "Bearer";
                await context.Response.WriteAsJsonAsync(
                    HubResponse.Error(EdgeErrorCodes.Unauthenticated, "A valid access token is required."),
                    context.HttpContext.RequestAborted).ConfigureAwait(false);
            },
            OnForbidden = async context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.Response.WriteAsJsonAsync(
                    HubResponse.Error(Grains.Errors.ErrorCodes.Forbidden, "Your role may not use this endpoint."),
                    context.HttpContext.RequestAborted).ConfigureAwait(false);
            },
        };
    }
}
