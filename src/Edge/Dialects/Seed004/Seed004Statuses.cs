using Rides.Grains.Rides;

namespace Rides.Edge.Dialects.Seed004;

/// <summary>A ride's status in seed 004's booking words (its example: <c>en_route</c>).</summary>
public static class Seed004Statuses
{
    /// <summary>pending, en_route, arrived, in_progress, completed or cancelled.</summary>
    public static string Of(RideStatus status) => status switch
    {
        RideStatus.FindingDriver => "pending",
        RideStatus.ArrivingToPickup => "en_route",
        RideStatus.DriverArrived => "arrived",
        RideStatus.DrivingToDestination => "in_progress",
        RideStatus.Completed => "completed",
        RideStatus.Canceled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
