namespace Rides.Grains.Domain.Lifecycle;

/// <summary>The status-changing actions on a ride.</summary>
public enum RideAction
{
    /// <summary>A driver accepts the offered ride: findingDriver → arrivingToPickup.</summary>
    Accept,

    /// <summary>The driver reports arrival: arrivingToPickup → driverArrived.</summary>
    MarkArrived,

    /// <summary>The driver starts the trip: arrivingToPickup or driverArrived → drivingToDestination.</summary>
    Start,

    /// <summary>The driver completes the trip: drivingToDestination → completed.</summary>
    Complete,

    /// <summary>Any non-terminal status → canceled.</summary>
    Cancel,
}
