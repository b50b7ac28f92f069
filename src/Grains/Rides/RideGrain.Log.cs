using Microsoft.Extensions.Logging;

namespace Rides.Grains.Rides;

/// <summary>The ride grain's log messages.</summary>
public sealed partial class RideGrain
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Ride {RideId} requested by rider {RiderId} ({VehicleType})")]
    private static partial void LogRequested(ILogger logger, string rideId, string riderId, VehicleType vehicleType);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Debug, Message = "Ride {RideId} dispatch batch {Round} within {RadiusMeters} m reached {Offered} drivers")]
    private static partial void LogRound(ILogger logger, string rideId, int round, double radiusMeters, int offered);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Ride {RideId} accepted by driver {DriverId}")]
    private static partial void LogAccepted(ILogger logger, string rideId, string driverId);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "Ride {RideId} canceled by {Role}: {Reason}")]
    private static partial void LogCanceled(ILogger logger, string rideId, UserRole role, string reason);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "Ride {RideId} could not {What}")]
    private static partial void LogSideEffectFailed(ILogger logger, Exception exception, string rideId, string what);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning, Message = "Ride {RideId} lost a write race; deactivating to reload")]
    private static partial void LogConflict(ILogger logger, Exception exception, string rideId);
}
