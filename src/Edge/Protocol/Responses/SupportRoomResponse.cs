using Rides.Edge.Protocol.Models;
using Rides.Grains.Support;

namespace Rides.Edge.Protocol.Responses;

/// <summary>The answer to <c>join_support_room</c> (seed 003).</summary>
public sealed class SupportRoomResponse : HubResponse
{
    /// <summary>e.g. <c>support:general_support</c>.</summary>
    public required string RoomId { get; init; }

    /// <summary>The room type.</summary>
    public required SupportRoomType RoomType { get; init; }

    /// <summary>The room's open conversations, newest activity first.</summary>
    public required IReadOnlyList<SupportConversationData> Conversations { get; init; }

    /// <summary>The server's time.</summary>
    public required DateTimeOffset Timestamp { get; init; }
}
