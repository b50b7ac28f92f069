using Rides.Edge.Protocol.Models;
using Rides.Grains.Support;

namespace Rides.Edge.Protocol.Events;

/// <summary><c>support_conversation_update</c>: a conversation of a support room was created, updated or closed (to staff in the room).</summary>
public sealed record SupportConversationUpdate
{
    /// <summary>created, updated or closed.</summary>
    public required SupportRoomEventKind Kind { get; init; }

    /// <summary>The room, e.g. <c>support:general_support</c>.</summary>
    public required string RoomId { get; init; }

    /// <summary>The conversation after the change.</summary>
    public required SupportConversationData Conversation { get; init; }

    /// <summary>When.</summary>
    public required DateTimeOffset Timestamp { get; init; }
}
