namespace Rides.Edge.Protocol.Events;

/// <summary><c>typing_status</c>: another participant of a room started or stopped typing (seed 003).</summary>
public sealed record TypingStatus
{
    /// <summary>The ride, for a ride room.</summary>
    public string? RideId { get; init; }

    /// <summary>The conversation, for a support conversation.</summary>
    public string? ConversationId { get; init; }

    /// <summary>Who is typing.</summary>
    public required string UserId { get; init; }

    /// <summary>RIDER, DRIVER, STAFF…</summary>
    public required string UserType { get; init; }

    /// <summary>Whether typing.</summary>
    public required bool IsTyping { get; init; }

    /// <summary>When.</summary>
    public required DateTimeOffset Timestamp { get; init; }
}
