namespace Rides.Edge.Dialects.Seed002;

/// <summary>Seed 002's OTP update, to the rider when the booking is accepted: the trip PIN the driver asks for at the start.</summary>
/// <param name="Otp">The trip PIN (4 digits).</param>
/// <param name="Message">A human message.</param>
/// <param name="BookingId">The accepted booking (beyond the seed's sample, so an app with several bookings knows which).</param>
public sealed record OtpFrame(string Otp, string Message, string BookingId);
