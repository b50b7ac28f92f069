using Microsoft.Extensions.Logging;

namespace Rides.Edge.Hubs;

public sealed partial class RidesHub
{
    [LoggerMessage(EventId = 201, Level = LogLevel.Debug, Message = "Connection {ConnectionId} opened by user {UserId} as {Role}")]
    private static partial void LogConnected(ILogger logger, string connectionId, string userId, string role);

    [LoggerMessage(EventId = 202, Level = LogLevel.Debug, Message = "Connection {ConnectionId} closed; its subscriptions are released")]
    private static partial void LogDisconnected(ILogger logger, string connectionId);

}
