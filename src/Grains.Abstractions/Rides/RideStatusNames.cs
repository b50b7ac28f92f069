namespace Rides.Grains.Rides;

/// <summary>Seed 000's wire names of <see cref="RideStatus"/>, and status predicates.</summary>
public static class RideStatusNames
{
    /// <summary>Wire name <c>findingDriver</c>.</summary>
    public const string FindingDriver = "findingDriver";

    /// <summary>Wire name <c>arrivingToPickup</c>.</summary>
    public const string ArrivingToPickup = "arrivingToPickup";

    /// <summary>Wire name <c>driverArrived</c>.</summary>
    public const string DriverArrived = "driverArrived";

    /// <summary>Wire name <c>drivingToDestination</c>.</summary>
    public const string DrivingToDestination = "drivingToDestination";

    /// <summary>Wire name <c>completed</c>.</summary>
    public const string Completed = "completed";

    /// <summary>Wire name <c>canceled</c>.</summary>
    public const string Canceled = "canceled";

    /// <summary>The wire name of a status.</summary>
    public static string ToWire(this RideStatus status) => status switch
    {
        RideStatus.FindingDriver => FindingDriver,
        RideStatus.ArrivingToPickup => ArrivingToPickup,
        RideStatus.DriverArrived => DriverArrived,
        RideStatus.DrivingToDestination => DrivingToDestination,
        RideStatus.Completed => Completed,
        RideStatus.Canceled => Canceled,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>Parses a wire name (exact, case-sensitive, as seed 000 writes it).</summary>
    public static bool TryParse(string? value, out RideStatus status)
    {
        switch (value)
        {
            case FindingDriver: status = RideStatus.FindingDriver; return true;
            case ArrivingToPickup: status = RideStatus.ArrivingToPickup; return true;
            case DriverArrived: status = RideStatus.DriverArrived; return true;
            case DrivingToDestination: status = RideStatus.DrivingToDestination; return true;
            case Completed: status = RideStatus.Completed; return true;
            case Canceled: status = RideStatus.Canceled; return true;
            default: status = default; return false;
        }
    }

    /// <summary>Completed or canceled: nothing changes any more.</summary>
    public static bool IsTerminal(this RideStatus status) => status is RideStatus.Completed or RideStatus.Canceled;

    /// <summary>A driver is assigned and the ride is not over (arrivingToPickup, driverArrived, drivingToDestination).</summary>
    public static bool HasActiveDriver(this RideStatus status) =>
        status is RideStatus.ArrivingToPickup or RideStatus.DriverArrived or RideStatus.DrivingToDestination;
}
