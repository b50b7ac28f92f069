using Rides.Grains;
using Rides.Grains.Chat;

namespace Rides.Edge.Protocol.Models;

/// <summary>A message of a support conversation (seed 003: id, sender_id, content, message_type, sent_at).</summary>
public sealed record SupportMessageData
{
    /// <summary>The message id within the conversation.</summary>
    public required long Id { get; init; }

    /// <summary>The conversation.</summary>
    public required string ConversationId { get; init; }

    /// <summary>The sender's user id.</summary>
    public required string SenderId { get; init; }

    /// <summary>RIDER, DRIVER, STAFF, ADMIN.</summary>
    public required string SenderType { get; init; }

    /// <summary>The text.</summary>
    public required string Content { get; init; }

    /// <summary>Always TEXT.</summary>
    public string MessageType { get; init; } = "TEXT";

    /// <summary>When stored.</summary>
    public required DateTimeOffset SentAt { get; init; }

    /// <summary>The wire form of a stored message.</summary>
    public static SupportMessageData From(ChatMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new SupportMessageData
        {
            Id = message.Id,
            ConversationId = message.RoomId,
            SenderId = message.SenderId,
            SenderType = UserRoleNames.ToUserType(message.SenderRole),
            Content = message.Text,
            SentAt = message.SentAt,
        };
    }
}
