namespace Rides.Edge.Dialects.Seed003;

/// <summary><c>new_message</c>: a message in a joined conversation, to all its connected participants (the sender too).</summary>
/// <param name="Type">new_message.</param>
/// <param name="ConversationId">The conversation.</param>
/// <param name="Message">The message.</param>
/// <param name="EventId">The platform's event id (<c>support-chat/{conversation_id}/{seq}</c>).</param>
public sealed record NewMessageFrame(string Type, string ConversationId, Seed003Message Message, string EventId);
