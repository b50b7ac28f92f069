using Microsoft.Extensions.Logging;

namespace Rides.Grains.Drivers;

/// <summary>The driver grain's log messages.</summary>
public sealed partial class DriverGrain
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Driver {DriverId} online: {Online}")]
    private static partial void LogOnline(ILogger logger, string driverId, bool online);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Driver {DriverId} could not {What}")]
    private static partial void LogSideEffectFailed(ILogger logger, Exception exception, string driverId, string what);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "Driver {DriverId} lost a write race; deactivating to reload")]
    private static partial void LogConflict(ILogger logger, Exception exception, string driverId);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Information, Message = "Driver {DriverId}'s last connection closed; going offline")]
    private static partial void LogLastConnectionClosed(ILogger logger, string driverId);
}
