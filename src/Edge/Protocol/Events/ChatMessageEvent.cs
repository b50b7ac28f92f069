using Rides.Grains.Events;
using Rides.Edge.Protocol.Models;
using Rides.Grains;
using Rides.Grains.Chat;

namespace Rides.Edge.Protocol.Events;

/// <summary><c>chat_message</c>: a message in a ride room (seed 000), to the ride's rider and driver.</summary>
public sealed record ChatMessageEvent
{
    /// <summary>The message id.</summary>
    public required long Id { get; init; }

    /// <summary>The ride.</summary>
    public required string RideId { get; init; }

    /// <summary>The sender.</summary>
    public required string SenderId { get; init; }

    /// <summary>RIDER or DRIVER (STAFF for staff).</summary>
    public required string SenderType { get; init; }

    /// <summary>The text.</summary>
    public required string Message { get; init; }

    /// <summary>Unix seconds.</summary>
    public required long Timestamp { get; init; }

    /// <summary>The event's sequence number on the ride's chat stream.</summary>
    public required long Seq { get; init; }

    /// <summary><c>ride-chat/{ride_id}/{seq}</c>.</summary>
    public required string EventId { get; init; }

    /// <summary>The wire form of a stored message.</summary>
    public static ChatMessageEvent From(ChatMessage message, long seq)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new ChatMessageEvent
        {
            Id = message.Id,
            RideId = message.RoomId,
            SenderId = message.SenderId,
            SenderType = UserRoleNames.ToUserType(message.SenderRole),
            Message = message.Text,
            Timestamp = message.SentAt.ToUnixTimeSeconds(),
            Seq = seq,
            EventId = EventIds.For(Topics.RideChat(message.RoomId), seq),
        };
    }
}
