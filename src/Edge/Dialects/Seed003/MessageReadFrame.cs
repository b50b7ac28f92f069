namespace Rides.Edge.Dialects.Seed003;

/// <summary><c>message_read</c>: another participant of a joined conversation read a message.</summary>
/// <param name="Type">message_read.</param>
/// <param name="ConversationId">The conversation.</param>
/// <param name="UserId">Who read it.</param>
/// <param name="MessageId">The message read.</param>
/// <param name="Timestamp">When.</param>
public sealed record MessageReadFrame(string Type, string ConversationId, string UserId, string MessageId, DateTimeOffset Timestamp);
