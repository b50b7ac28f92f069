using Microsoft.Extensions.Logging;
using Rides.Grains.Errors;

namespace Rides.Edge.Protocol;

/// <summary>What kind of failure a client's call met.</summary>
public enum FailureKind
{
    /// <summary>A domain refusal (<see cref="RidesException"/>): the client's call was wrong or not allowed.</summary>
    Refusal,

    /// <summary>The database or a silo could not be reached; nothing changed, retrying is safe.</summary>
    Outage,

    /// <summary>The cluster did not answer in time.</summary>
    Timeout,

    /// <summary>A bug: the client sees a generic message, the log has the exception.</summary>
    Internal,
}

/// <summary>
/// The one mapping from an exception to the code and message a client is told, used by the hub, the REST API
/// and every socket dialect alike; each writes it in its own shape. Nothing internal is ever in the message.
/// </summary>
/// <param name="Kind">The kind of failure.</param>
/// <param name="Code">The stable error code.</param>
/// <param name="Message">A human message, safe to show.</param>
/// <param name="Detail">Optional detail of a refusal (which field, which limit).</param>
public sealed record FailureAnswer(FailureKind Kind, string Code, string Message, string? Detail = null)
{
    /// <summary>The answer for <paramref name="exception"/>.</summary>
    public static FailureAnswer For(Exception exception) => exception switch
    {
        RidesException refusal when refusal.Code != ErrorCodes.ServiceUnavailable => new(FailureKind.Refusal, refusal.Code, refusal.Message, refusal.Detail),
        _ when Outages.IsOutage(exception) => new(FailureKind.Outage, ErrorCodes.ServiceUnavailable, Outages.Message),
        TimeoutException => new(FailureKind.Timeout, EdgeErrorCodes.Timeout, "The platform did not answer in time. Please try again."),
        _ => new(FailureKind.Internal, EdgeErrorCodes.InternalError, "Something went wrong on our side. Please try again."),
    };

    /// <summary>Logs the failure of <paramref name="call"/> (a hub method, a path, a frame type) on <paramref name="connection"/> at its kind's level.</summary>
    public void Log(ILogger logger, Exception exception, string call, string? connection)
    {
        ArgumentNullException.ThrowIfNull(logger);
        connection ??= "-";
        switch (Kind)
        {
            case FailureKind.Refusal:
                FailureLog.LogRefused(logger, call, Code, connection);
                break;
            case FailureKind.Outage:
                FailureLog.LogOutage(logger, exception, call, connection);
                break;
            case FailureKind.Timeout:
                FailureLog.LogTimedOut(logger, exception, call, connection);
                break;
            default:
                FailureLog.LogFailed(logger, exception, call, connection);
                break;
        }
    }
}

/// <summary>The log lines of <see cref="FailureAnswer.Log"/>.</summary>
internal static partial class FailureLog
{
    [LoggerMessage(EventId = 101, Level = LogLevel.Debug, Message = "{Call} refused with {Code} on connection {Connection}")]
    internal static partial void LogRefused(ILogger logger, string call, string code, string connection);

    [LoggerMessage(EventId = 104, Level = LogLevel.Warning, Message = "{Call} on connection {Connection} met an outage (storage or a silo unreachable)")]
    internal static partial void LogOutage(ILogger logger, Exception exception, string call, string connection);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "{Call} timed out on connection {Connection}")]
    internal static partial void LogTimedOut(ILogger logger, Exception exception, string call, string connection);

    [LoggerMessage(EventId = 103, Level = LogLevel.Error, Message = "{Call} failed on connection {Connection}")]
    internal static partial void LogFailed(ILogger logger, Exception exception, string call, string connection);
}
