using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using Rides.Edge.Protocol;
using Rides.Grains.Errors;

namespace Rides.Edge.Hubs;

/// <summary>
/// Turns every failure of a hub method into seed 000's error envelope, so the connection stays usable and
/// nothing internal reaches a client: a <see cref="RidesException"/> keeps its code, message and detail;
/// an outage (database or silo unreachable) becomes SERVICE_UNAVAILABLE; a grain call timeout becomes TIMEOUT; anything else becomes INTERNAL_ERROR with a generic message and
/// is logged with its exception.
/// </summary>
public sealed partial class RidesHubFilter(ILogger<RidesHubFilter> logger) : IHubFilter
{
    /// <inheritdoc />
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        var method = invocationContext.HubMethodName;
        try
        {
            return await next(invocationContext).ConfigureAwait(false);
        }
        catch (RidesException refusal)
        {
            LogRefused(logger, method, refusal.Code, invocationContext.Context.ConnectionId);
            return HubResponse.Error(refusal.Code, refusal.Message, refusal.Detail);
        }
        catch (Exception outage) when (Outages.IsOutage(outage))
        {
            LogUnavailable(logger, outage, method, invocationContext.Context.ConnectionId);
            return HubResponse.Error(ErrorCodes.ServiceUnavailable, Outages.Message);
        }
        catch (TimeoutException timeout)
        {
            LogTimedOut(logger, timeout, method, invocationContext.Context.ConnectionId);
            return HubResponse.Error(EdgeErrorCodes.Timeout, "The platform did not answer in time. Please try again.");
        }
        catch (Exception failure)
        {
            LogFailed(logger, failure, method, invocationContext.Context.ConnectionId);
            return HubResponse.Error(EdgeErrorCodes.InternalError, "Something went wrong on our side. Please try again.");
        }
    }

    [LoggerMessage(EventId = 101, Level = LogLevel.Debug, Message = "Hub method {Method} refused with {Code} on connection {ConnectionId}")]
    private static partial void LogRefused(ILogger logger, string method, string code, string connectionId);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "Hub method {Method} timed out on connection {ConnectionId}")]
    private static partial void LogTimedOut(ILogger logger, Exception exception, string method, string connectionId);

    [LoggerMessage(EventId = 104, Level = LogLevel.Warning, Message = "Hub method {Method} on connection {ConnectionId} met an outage (storage or a silo unreachable)")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, string method, string connectionId);

    [LoggerMessage(EventId = 103, Level = LogLevel.Error, Message = "Hub method {Method} failed on connection {ConnectionId}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string method, string connectionId);
}
