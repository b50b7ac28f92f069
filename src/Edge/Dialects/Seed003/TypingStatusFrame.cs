namespace Rides.Edge.Dialects.Seed003;

/// <summary><c>typing_status</c>: another participant of a joined conversation started or stopped typing.</summary>
/// <param name="Type">typing_status.</param>
/// <param name="ConversationId">The conversation.</param>
/// <param name="UserId">Who.</param>
/// <param name="IsTyping">Started (true) or stopped (false).</param>
/// <param name="Timestamp">When.</param>
public sealed record TypingStatusFrame(string Type, string ConversationId, string UserId, bool IsTyping, DateTimeOffset Timestamp);
