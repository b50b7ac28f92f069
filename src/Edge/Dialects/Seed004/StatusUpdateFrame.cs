namespace Rides.Edge.Dialects.Seed004;

/// <summary><c>status_update</c>: a booking's status changed.</summary>
/// <param name="Type">status_update.</param>
/// <param name="BookingId">The booking (ride).</param>
/// <param name="Status">pending, en_route, arrived, in_progress, completed or cancelled.</param>
/// <param name="EventId">The event's id (<c>ride-status/{id}/{seq}</c>).</param>
/// <param name="Timestamp">When it happened.</param>
public sealed record StatusUpdateFrame(string Type, string BookingId, string Status, string EventId, DateTimeOffset Timestamp)
{
    /// <summary>A human message.</summary>
    public string? Message { get; init; }
}
