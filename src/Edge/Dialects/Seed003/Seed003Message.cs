namespace Rides.Edge.Dialects.Seed003;

/// <summary>A message of seed 003: <c>{id, conversation_id, sender_id, content, message_type, sent_at}</c> (no conversation id inside <c>new_message</c>, which carries it outside).</summary>
/// <param name="Id">The message id.</param>
/// <param name="SenderId">The sender's user id.</param>
/// <param name="Content">The text.</param>
/// <param name="MessageType">Always TEXT.</param>
/// <param name="SentAt">When stored.</param>
public sealed record Seed003Message(string Id, string SenderId, string Content, string MessageType, DateTimeOffset SentAt)
{
    /// <summary>The conversation, in a page of <c>get_conversation_messages</c>.</summary>
    public string? ConversationId { get; init; }

    /// <summary>The sender's role in seed 003's words (BUS_DRIVER, CONTROL_STAFF…), beyond the seed's sample.</summary>
    public string? SenderRole { get; init; }
}
