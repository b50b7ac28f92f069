namespace Rides.Edge.Dialects.Seed002;

/// <summary>On <c>/ws/driver/available_bookings/</c>: an offered booking is no longer available (taken, expired, cancelled, declined).</summary>
/// <param name="BookingId">The booking.</param>
/// <param name="Status">Always <c>unavailable</c>.</param>
/// <param name="Reason">accepted_by_another_driver, expired, ride_canceled or declined.</param>
/// <param name="Message">A human message.</param>
/// <param name="EventId">The withdrawal's event id (<c>driver-offers/{driver_id}/{seq}</c>).</param>
public sealed record BookingUnavailableFrame(string BookingId, string Status, string Reason, string Message, string EventId);
