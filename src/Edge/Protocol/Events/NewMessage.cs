using Rides.Edge.Protocol.Models;

namespace Rides.Edge.Protocol.Events;

/// <summary><c>new_message</c>: a message in a support conversation (seed 003), to its participants.</summary>
public sealed record NewMessage
{
    /// <summary>The conversation.</summary>
    public required string ConversationId { get; init; }

    /// <summary>The message.</summary>
    public required SupportMessageData Message { get; init; }

    /// <summary>The event's sequence number on the conversation's stream.</summary>
    public required long Seq { get; init; }

    /// <summary><c>support-chat/{conversation_id}/{seq}</c>.</summary>
    public required string EventId { get; init; }
}
