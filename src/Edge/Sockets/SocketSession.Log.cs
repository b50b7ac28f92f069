using Microsoft.Extensions.Logging;

namespace Rides.Edge.Sockets;

public sealed partial class SocketSession
{
    [LoggerMessage(EventId = 501, Level = LogLevel.Debug, Message = "{Dialect} socket {ConnectionId} opened by user {UserId}")]
    private static partial void LogOpened(ILogger logger, string dialect, string connectionId, string userId);

    [LoggerMessage(EventId = 502, Level = LogLevel.Debug, Message = "{Dialect} socket {ConnectionId} closed ({Status}); its subscriptions are released")]
    private static partial void LogClosed(ILogger logger, string dialect, string connectionId, string status);

    [LoggerMessage(EventId = 506, Level = LogLevel.Warning, Message = "Socket {ConnectionId} reads too slowly: its {Capacity} queued frames are full, so it is aborted")]
    private static partial void LogSendQueueFull(ILogger logger, string connectionId, int capacity);

    [LoggerMessage(EventId = 507, Level = LogLevel.Information, Message = "Socket {ConnectionId} sent a frame over {Limit} bytes; it is answered PAYLOAD_TOO_LARGE and closed with 1009")]
    private static partial void LogFrameTooBig(ILogger logger, string connectionId, int limit);

    [LoggerMessage(EventId = 508, Level = LogLevel.Information, Message = "Socket {ConnectionId} sent a frame nested deeper than {Limit} levels; it is answered VALIDATION_FAILED")]
    private static partial void LogFrameTooDeep(ILogger logger, string connectionId, int limit);
}
