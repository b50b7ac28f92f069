namespace Rides.Edge.Dialects.Seed002;

/// <summary>Seed 002's available booking update on <c>/ws/driver/available_bookings/</c>: a booking offered to this driver.</summary>
/// <param name="BookingId">The booking to accept (the platform's ride id).</param>
/// <param name="PickupLocation">The pickup address (or "latitude, longitude" when the rider gave none).</param>
/// <param name="DropoffLocation">The destination address (or "latitude, longitude").</param>
/// <param name="EstimatedCost">The estimated fare.</param>
/// <param name="Message">A human message.</param>
/// <param name="EventId">The offer's event id (<c>driver-offers/{driver_id}/{seq}</c>).</param>
public sealed record AvailableBookingFrame(string BookingId, string PickupLocation, string DropoffLocation, decimal EstimatedCost, string Message, string EventId)
{
    /// <summary>The fare's currency.</summary>
    public required string Currency { get; init; }

    /// <summary>After this the offer can no longer be accepted.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }
}
