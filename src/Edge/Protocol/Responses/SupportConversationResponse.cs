using Rides.Edge.Protocol.Models;

namespace Rides.Edge.Protocol.Responses;

/// <summary>The answer to <c>create_support_conversation</c>, <c>join_conversation</c> and <c>close_conversation</c> (seed 003).</summary>
public sealed class SupportConversationResponse : HubResponse
{
    /// <summary>The conversation id.</summary>
    public required string ConversationId { get; init; }

    /// <summary>"Support: " + title.</summary>
    public required string Title { get; init; }

    /// <summary>The participants' user ids.</summary>
    public required IReadOnlyList<string> Participants { get; init; }

    /// <summary>The whole conversation.</summary>
    public required SupportConversationData Conversation { get; init; }

    /// <summary>The server's time.</summary>
    public required DateTimeOffset Timestamp { get; init; }
}
