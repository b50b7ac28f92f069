namespace Rides.Edge.Dialects.Seed003;

/// <summary>
/// To staff in a joined support room: <c>new_support_conversation</c> when a field user opens one (seed 003's "notifications
/// when new support conversations are created"), <c>support_conversation_updated</c> and <c>support_conversation_closed</c> after.
/// </summary>
/// <param name="Type">new_support_conversation, support_conversation_updated or support_conversation_closed.</param>
/// <param name="RoomId">e.g. <c>support:general_support</c>.</param>
/// <param name="Conversation">The conversation after the change.</param>
/// <param name="Timestamp">When.</param>
public sealed record SupportConversationFrame(string Type, string RoomId, Seed003Conversation Conversation, DateTimeOffset Timestamp);
