using Microsoft.AspNetCore.Http;
using Rides.Edge.Protocol;
using Rides.Grains.Errors;

namespace Rides.Edge.Rest;

/// <summary>The HTTP status of each error code; the body is always the error envelope.</summary>
internal static class RestErrors
{
    public static int StatusFor(string code) => code switch
    {
        ErrorCodes.RideNotFound or ErrorCodes.ConversationNotFound or ErrorCodes.MessageNotFound or ErrorCodes.DriverNotFound or EdgeErrorCodes.NotFound
            => StatusCodes.Status404NotFound,
        ErrorCodes.NotAParticipant or ErrorCodes.Forbidden => StatusCodes.Status403Forbidden,
        ErrorCodes.ValidationFailed or ErrorCodes.InvalidPin => StatusCodes.Status400BadRequest,
        ErrorCodes.PaymentAmountMismatch => StatusCodes.Status422UnprocessableEntity,
        ErrorCodes.RateLimited => StatusCodes.Status429TooManyRequests,
        EdgeErrorCodes.Unauthenticated => StatusCodes.Status401Unauthorized,
        EdgeErrorCodes.Timeout => StatusCodes.Status504GatewayTimeout,
        ErrorCodes.ServiceUnavailable => StatusCodes.Status503ServiceUnavailable,
        EdgeErrorCodes.InternalError => StatusCodes.Status500InternalServerError,
        _ => StatusCodes.Status409Conflict,
    };

    public static IResult ErrorResult(string code, string message, string? detail = null) =>
        Results.Json(HubResponse.Error(code, message, detail), statusCode: StatusFor(code));
}
