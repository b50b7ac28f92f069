namespace Rides.Edge.Protocol.Events;

/// <summary><c>message_read</c>: another participant of a room read a message (seed 003).</summary>
public sealed record MessageRead
{
    /// <summary>The ride, for a ride room.</summary>
    public string? RideId { get; init; }

    /// <summary>The conversation, for a support conversation.</summary>
    public string? ConversationId { get; init; }

    /// <summary>Who read it.</summary>
    public required string UserId { get; init; }

    /// <summary>The message read.</summary>
    public required long MessageId { get; init; }

    /// <summary>When.</summary>
    public required DateTimeOffset Timestamp { get; init; }
}
