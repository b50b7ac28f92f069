using Rides.Grains.Rides;

namespace Rides.Edge.Dialects.Seed002;

/// <summary>
/// The one table from the platform's ride statuses to seed 002's booking words, with the message each side reads.
/// Seed 002 names pending, accepted, on_trip, completed (and cancelled); <c>arrived</c> is the platform's extra step
/// between acceptance and the trip, in the same style.
/// </summary>
public static class Seed002Statuses
{
    private static readonly Dictionary<RideStatus, (string Word, string Rider, string Driver)> Table = new()
    {
        [RideStatus.FindingDriver] = ("pending", "Your booking is waiting for a driver.", "The booking is waiting for a driver."),
        [RideStatus.ArrivingToPickup] = ("accepted", "Your booking has been accepted by the driver.", "You accepted the booking. Please proceed to the pickup."),
        [RideStatus.DriverArrived] = ("arrived", "Your driver has arrived at the pickup.", "You have arrived at the pickup. Ask the rider for the OTP to start the trip."),
        [RideStatus.DrivingToDestination] = ("on_trip", "The trip has started.", "The trip has started. Please proceed to the destination."),
        [RideStatus.Completed] = ("completed", "Your trip has been completed.", "The trip has been completed."),
        [RideStatus.Canceled] = ("cancelled", "Your booking has been cancelled.", "The booking has been cancelled."),
    };

    /// <summary>Seed 002's word for <paramref name="status"/>: pending, accepted, arrived, on_trip, completed or cancelled.</summary>
    public static string Of(RideStatus status) => Row(status).Word;

    /// <summary>The message of a status change for the booking's rider (<paramref name="forRider"/>) or its driver.</summary>
    public static string MessageOf(RideStatus status, bool forRider) => forRider ? Row(status).Rider : Row(status).Driver;

    private static (string Word, string Rider, string Driver) Row(RideStatus status) =>
        Table.TryGetValue(status, out var row) ? row : throw new ArgumentOutOfRangeException(nameof(status), status, null);
}
