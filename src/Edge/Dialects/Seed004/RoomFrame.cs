namespace Rides.Edge.Dialects.Seed004;

/// <summary><c>joined_room</c> and <c>left_room</c>: the answer to join and leave.</summary>
/// <param name="Type">joined_room or left_room.</param>
/// <param name="Room">The room.</param>
/// <param name="Timestamp">When.</param>
public sealed record RoomFrame(string Type, string Room, DateTimeOffset Timestamp)
{
    /// <summary>For a booking room: the booking's status now, in seed 004's words.</summary>
    public string? Status { get; init; }

    /// <summary>For a booking room: the id of its latest event, to resume after with <c>lastEventId</c>.</summary>
    public string? LastEventId { get; init; }
}
