namespace Rides.Edge.Dialects.Seed003;

/// <summary>The answer to <c>send_chat_message</c>.</summary>
/// <param name="Success">True.</param>
/// <param name="Message">"Message sent successfully".</param>
/// <param name="MessageId">The stored message's id.</param>
/// <param name="ConversationId">The conversation.</param>
/// <param name="Timestamp">When it was stored.</param>
public sealed record MessageSentResponse(bool Success, string Message, string MessageId, string ConversationId, DateTimeOffset Timestamp);
