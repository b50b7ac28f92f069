using Rides.Edge.Protocol.Models;

namespace Rides.Edge.Protocol.Responses;

/// <summary>The answer to <c>get_active_conversations</c> (seed 003).</summary>
public sealed class ActiveConversationsResponse : HubResponse
{
    /// <summary>The caller's active conversations, latest activity first.</summary>
    public required IReadOnlyList<SupportConversationData> Conversations { get; init; }

    /// <summary>How many.</summary>
    public int Count => Conversations.Count;

    /// <summary>The server's time.</summary>
    public required DateTimeOffset Timestamp { get; init; }
}
