namespace Rides.Edge.Protocol;

/// <summary>Error codes the edge itself gives, beside the grains' <c>Rides.Grains.Errors.ErrorCodes</c>.</summary>
public static class EdgeErrorCodes
{
    /// <summary>Something failed inside the platform; the message is generic and the details are logged.</summary>
    public const string InternalError = "INTERNAL_ERROR";

    /// <summary>No valid token (REST 401; <c>authenticate</c> with a bad token).</summary>
    public const string Unauthenticated = "UNAUTHENTICATED";

    /// <summary>The platform did not answer in time; retrying is safe for reads.</summary>
    public const string Timeout = "TIMEOUT";

    /// <summary>A plain-WebSocket frame whose <c>type</c> the dialect does not know.</summary>
    public const string UnknownMessageType = "UNKNOWN_MESSAGE_TYPE";

    /// <summary>No such REST resource or route.</summary>
    public const string NotFound = "NOT_FOUND";

    /// <summary>The route exists but not for this HTTP method (405).</summary>
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";

    /// <summary>The body is not JSON by its Content-Type (415).</summary>
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";

    /// <summary>The body is larger than the server reads (413).</summary>
    public const string PayloadTooLarge = "PAYLOAD_TOO_LARGE";

    /// <summary>The request line (method, path and query) is longer than the server reads (414).</summary>
    public const string UriTooLong = "URI_TOO_LONG";

    /// <summary>The request headers are larger than the server reads (431).</summary>
    public const string HeadersTooLarge = "HEADERS_TOO_LARGE";

    /// <summary>The HTTP request itself is malformed: request line, headers or body framing (400).</summary>
    public const string BadRequest = "BAD_REQUEST";

    /// <summary>The server took too long to receive the request (408).</summary>
    public const string RequestTimeout = "REQUEST_TIMEOUT";
}
