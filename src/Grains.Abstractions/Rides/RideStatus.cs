using System.Text.Json.Serialization;

namespace Rides.Grains.Rides;

/// <summary>
/// The lifecycle of a ride, with seed 000's wire names:
/// findingDriver → arrivingToPickup → driverArrived → drivingToDestination → completed,
/// and canceled from any non-terminal status.
/// </summary>
[GenerateSerializer, Alias("rides.RideStatus")]
public enum RideStatus
{
    /// <summary>Requested; dispatch is offering it to drivers. Wire name <c>findingDriver</c>.</summary>
    [JsonStringEnumMemberName("findingDriver")]
    FindingDriver,

    /// <summary>A driver accepted and is on the way to the pickup. Wire name <c>arrivingToPickup</c>.</summary>
    [JsonStringEnumMemberName("arrivingToPickup")]
    ArrivingToPickup,

    /// <summary>The driver is waiting at the pickup. Wire name <c>driverArrived</c>.</summary>
    [JsonStringEnumMemberName("driverArrived")]
    DriverArrived,

    /// <summary>The trip is under way. Wire name <c>drivingToDestination</c>.</summary>
    [JsonStringEnumMemberName("drivingToDestination")]
    DrivingToDestination,

    /// <summary>The trip ended at the destination (terminal). Wire name <c>completed</c>.</summary>
    [JsonStringEnumMemberName("completed")]
    Completed,

    /// <summary>Canceled by the rider, the driver, staff or the system (terminal). Wire name <c>canceled</c>.</summary>
    [JsonStringEnumMemberName("canceled")]
    Canceled,
}
