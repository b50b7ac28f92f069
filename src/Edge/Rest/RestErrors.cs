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
        EdgeErrorCodes.BadRequest => StatusCodes.Status400BadRequest,
        EdgeErrorCodes.MethodNotAllowed => StatusCodes.Status405MethodNotAllowed,
        EdgeErrorCodes.RequestTimeout => StatusCodes.Status408RequestTimeout,
        EdgeErrorCodes.PayloadTooLarge => StatusCodes.Status413PayloadTooLarge,
        EdgeErrorCodes.UriTooLong => StatusCodes.Status414UriTooLong,
        EdgeErrorCodes.UnsupportedMediaType => StatusCodes.Status415UnsupportedMediaType,
        EdgeErrorCodes.HeadersTooLarge => StatusCodes.Status431RequestHeaderFieldsTooLarge,
        EdgeErrorCodes.Unauthenticated => StatusCodes.Status401Unauthorized,
        EdgeErrorCodes.Timeout => StatusCodes.Status504GatewayTimeout,
        ErrorCodes.ServiceUnavailable => StatusCodes.Status503ServiceUnavailable,
        EdgeErrorCodes.InternalError => StatusCodes.Status500InternalServerError,
        _ => StatusCodes.Status409Conflict,
    };

    /// <summary>The code of an answer the framework or Kestrel gave with <paramref name="status"/> and no body.</summary>
    public static string CodeFor(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => EdgeErrorCodes.Unauthenticated,
        StatusCodes.Status403Forbidden => ErrorCodes.Forbidden,
        StatusCodes.Status404NotFound => EdgeErrorCodes.NotFound,
        StatusCodes.Status405MethodNotAllowed => EdgeErrorCodes.MethodNotAllowed,
        StatusCodes.Status408RequestTimeout => EdgeErrorCodes.RequestTimeout,
        StatusCodes.Status413PayloadTooLarge => EdgeErrorCodes.PayloadTooLarge,
        StatusCodes.Status414UriTooLong => EdgeErrorCodes.UriTooLong,
        StatusCodes.Status415UnsupportedMediaType => EdgeErrorCodes.UnsupportedMediaType,
        StatusCodes.Status429TooManyRequests => ErrorCodes.RateLimited,
        StatusCodes.Status431RequestHeaderFieldsTooLarge => EdgeErrorCodes.HeadersTooLarge,
        >= 500 => EdgeErrorCodes.InternalError,
        _ => EdgeErrorCodes.BadRequest,
    };

    /// <summary>The message that goes with <see cref="CodeFor"/>.</summary>
    public static string MessageFor(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => "A valid access token is required.",
        StatusCodes.Status403Forbidden => "Your role may not use this endpoint.",
        StatusCodes.Status404NotFound => "There is nothing at this address.",
        StatusCodes.Status405MethodNotAllowed => "This address does not take this HTTP method.",
        StatusCodes.Status408RequestTimeout => "The request took too long to arrive.",
        StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
        StatusCodes.Status414UriTooLong => "The request's address is too long.",
        StatusCodes.Status415UnsupportedMediaType => "The body must be JSON.",
        StatusCodes.Status429TooManyRequests => "Too many requests; slow down.",
        StatusCodes.Status431RequestHeaderFieldsTooLarge => "The request headers are too large.",
        >= 500 => "Something went wrong on our side. Please try again.",
        _ => "The HTTP request is malformed.",
    };

    public static IResult ErrorResult(string code, string message, string? detail = null) =>
        Results.Json(HubResponse.Error(code, message, detail), statusCode: StatusFor(code));
}
