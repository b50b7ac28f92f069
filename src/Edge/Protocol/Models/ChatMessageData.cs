using Rides.Grains;
using Rides.Grains.Chat;

namespace Rides.Edge.Protocol.Models;

/// <summary>A stored ride-chat message (seed 000's chat object: id, ride_id, sender, message, timestamp).</summary>
public sealed record ChatMessageData
{
    /// <summary>The message id: 1 for the room's first message, then increasing by one.</summary>
    public required long Id { get; init; }

    /// <summary>The ride.</summary>
    public required string RideId { get; init; }

    /// <summary>The sender's user id.</summary>
    public required string SenderId { get; init; }

    /// <summary>RIDER, DRIVER, STAFF…</summary>
    public required string SenderType { get; init; }

    /// <summary>The text.</summary>
    public required string Message { get; init; }

    /// <summary>When stored, in Unix seconds (seed 000).</summary>
    public required long Timestamp { get; init; }

    /// <summary>When stored, ISO 8601.</summary>
    public required DateTimeOffset SentAt { get; init; }

    /// <summary>The wire form of a stored message.</summary>
    public static ChatMessageData From(ChatMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new ChatMessageData
        {
            Id = message.Id,
            RideId = message.RoomId,
            SenderId = message.SenderId,
            SenderType = UserRoleNames.ToUserType(message.SenderRole),
            Message = message.Text,
            Timestamp = message.SentAt.ToUnixTimeSeconds(),
            SentAt = message.SentAt,
        };
    }
}
