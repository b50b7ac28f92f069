using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Rides.Edge.Protocol;
using Rides.Edge.Protocol.Payloads;
using Rides.Edge.Rest;

namespace Rides.Edge.Authentication;

/// <summary><c>POST /api/v1/auth/token</c>: the development token issuer, mapped only when enabled.</summary>
internal static class DevTokenEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(EdgePaths.DevTokenIssuer, IssueAsync)
            .AllowAnonymous()
            .AddEndpointFilter<RestErrorFilter>()
            .WithTags("Development")
            .WithName("IssueDevelopmentToken")
            .WithSummary("Issues a token for any user id and type. Development only: enabled by Rides:Auth:DevIssuer:Enabled.")
            .Accepts<TokenRequestPayload>("application/json")
            .Produces<DevTokenResponse>()
            .Produces<HubResponse>(StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> IssueAsync(HttpContext http, DevTokenIssuer issuer)
    {
        var request = TokenRequestPayload.Read(await JsonBody.ReadAsync(http.Request).ConfigureAwait(false));
        var token = issuer.Issue(request.UserId, request.UserType, request.Name);
        return Results.Json(new DevTokenResponse(token, "Bearer", (long)issuer.DefaultLifetime.TotalSeconds));
    }
}
