using Rides.Edge.Protocol.Events;
using Rides.Grains;
using Rides.Grains.Support;

namespace Rides.Edge.Dialects.Seed003;

/// <summary>The support events of seed 000 in seed 003's words; a ride's events never reach this dialect (it joins no ride).</summary>
public sealed partial class Seed003Translator
{
    /// <inheritdoc />
    public override Task NewMessage(NewMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var m = message.Message;
        var role = UserRoleNames.TryParse(m.SenderType, out var known) ? Seed003Roles.Of(known) : m.SenderType;
        Session.Send(new NewMessageFrame("new_message", message.ConversationId, Message(m.Id, m.SenderId, role, m.Content, m.SentAt), message.EventId));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task TypingStatus(TypingStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        if (status.ConversationId is { } conversationId)
        {
            Session.Send(new TypingStatusFrame("typing_status", conversationId, status.UserId, status.IsTyping, status.Timestamp));
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task MessageRead(MessageRead receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        if (receipt.ConversationId is { } conversationId)
        {
            Session.Send(new MessageReadFrame("message_read", conversationId, receipt.UserId, Id(receipt.MessageId), receipt.Timestamp));
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task SupportConversationUpdate(SupportConversationUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var type = update.Kind switch
        {
            SupportRoomEventKind.Created => "new_support_conversation",
            SupportRoomEventKind.Closed => "support_conversation_closed",
            _ => "support_conversation_updated",
        };
        Session.Send(new SupportConversationFrame(type, update.RoomId, Seed003Conversation.From(update.Conversation), update.Timestamp));
        return Task.CompletedTask;
    }
}
