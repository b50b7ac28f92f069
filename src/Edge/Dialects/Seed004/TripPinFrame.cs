namespace Rides.Edge.Dialects.Seed004;

/// <summary><c>trip_pin</c>, in the customer's <c>user:ID</c> room: the PIN to give the technician at the start.</summary>
/// <param name="Type">trip_pin.</param>
/// <param name="BookingId">The accepted booking.</param>
/// <param name="Pin">4 digits.</param>
/// <param name="Message">A human message.</param>
/// <param name="Timestamp">When.</param>
public sealed record TripPinFrame(string Type, string BookingId, string Pin, string Message, DateTimeOffset Timestamp);
