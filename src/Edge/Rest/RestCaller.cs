using Microsoft.AspNetCore.Http;
using Rides.Edge.Authentication;
using Rides.Grains;
using Rides.Grains.Errors;

namespace Rides.Edge.Rest;

/// <summary>The grains' caller for a REST request, from its token.</summary>
internal static class RestCaller
{
    public static Caller Of(HttpContext http) => http.User.ToCaller()
        ?? throw new RidesException(ErrorCodes.Forbidden, "The token carries no user id or no known role.");
}
