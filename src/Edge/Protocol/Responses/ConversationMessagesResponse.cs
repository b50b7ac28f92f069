using Rides.Edge.Protocol.Models;

namespace Rides.Edge.Protocol.Responses;

/// <summary>The answer to <c>get_conversation_messages</c> (seed 003).</summary>
public sealed class ConversationMessagesResponse : HubResponse
{
    /// <summary>The conversation.</summary>
    public required string ConversationId { get; init; }

    /// <summary>The messages, oldest first.</summary>
    public required IReadOnlyList<SupportMessageData> Messages { get; init; }

    /// <summary>How many messages.</summary>
    public int Count => Messages.Count;

    /// <summary>Whether older messages exist.</summary>
    public required bool HasMore { get; init; }
}
