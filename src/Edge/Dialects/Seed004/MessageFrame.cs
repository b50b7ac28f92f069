namespace Rides.Edge.Dialects.Seed004;

/// <summary><c>message</c>: a message in a support ticket (<c>ticketId</c>) or a booking's chat (<c>bookingId</c>).</summary>
/// <param name="Type">message.</param>
/// <param name="SenderId">Who sent it.</param>
/// <param name="Message">The message.</param>
/// <param name="EventId">The event's id.</param>
/// <param name="Timestamp">When.</param>
public sealed record MessageFrame(string Type, string SenderId, Seed004Message Message, string EventId, DateTimeOffset Timestamp)
{
    /// <summary>The support ticket (conversation).</summary>
    public string? TicketId { get; init; }

    /// <summary>The booking, for a booking's chat.</summary>
    public string? BookingId { get; init; }
}
