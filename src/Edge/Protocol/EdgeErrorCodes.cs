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
}
