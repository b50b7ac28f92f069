using Rides.Edge.Protocol.Models;

namespace Rides.Edge.Protocol.Responses;

/// <summary>The answer to <c>get_ride_chats</c> (seed 000): "Retrieved N chat messages" and the messages, oldest first.</summary>
public sealed class RideChatsResponse : HubResponse
{
    /// <summary>The ride.</summary>
    public required string RideId { get; init; }

    /// <summary>The messages, oldest first.</summary>
    public required IReadOnlyList<ChatMessageData> Chats { get; init; }

    /// <summary>How many messages.</summary>
    public int Count => Chats.Count;

    /// <summary>Whether older messages exist (page with <c>before_id</c>).</summary>
    public required bool HasMore { get; init; }
}
