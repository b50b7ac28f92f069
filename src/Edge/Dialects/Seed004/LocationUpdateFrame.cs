namespace Rides.Edge.Dialects.Seed004;

/// <summary><c>location_update</c>: the technician (driver) moved; to the booking's customer only.</summary>
/// <param name="Type">location_update.</param>
/// <param name="BookingId">The booking.</param>
/// <param name="Location">Where.</param>
/// <param name="EventId">The event's id.</param>
/// <param name="Timestamp">When reported.</param>
public sealed record LocationUpdateFrame(string Type, string BookingId, Seed004Location Location, string EventId, DateTimeOffset Timestamp);
