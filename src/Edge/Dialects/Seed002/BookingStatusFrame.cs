namespace Rides.Edge.Dialects.Seed002;

/// <summary>Seed 002's booking status update, to the booking's rider (<c>/ws/bookings/</c>) and driver (<c>/ws/driver/bookings/</c>).</summary>
/// <param name="BookingId">The booking (the platform's ride id).</param>
/// <param name="Status">The status in seed 002's words (<see cref="Seed002Statuses"/>).</param>
/// <param name="Message">A human message for the recipient's side.</param>
/// <param name="EventId">The platform's event id (<c>ride-status/{id}/{seq}</c>): pass the last one as <c>last_event_id</c> to resume.</param>
public sealed record BookingStatusFrame(string BookingId, string Status, string Message, string EventId)
{
    /// <summary>On cancellation: who cancelled (rider, driver, staff, admin, system).</summary>
    public string? CancelledBy { get; init; }

    /// <summary>On cancellation: the reason given (e.g. no_driver_found).</summary>
    public string? Reason { get; init; }

    /// <summary>On completion: the final fare.</summary>
    public decimal? Fare { get; init; }

    /// <summary>On completion: the fare's currency.</summary>
    public string? Currency { get; init; }
}
