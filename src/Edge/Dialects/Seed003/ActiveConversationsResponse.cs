namespace Rides.Edge.Dialects.Seed003;

/// <summary>The answer to <c>get_active_conversations</c>.</summary>
/// <param name="Success">True.</param>
/// <param name="Conversations">The caller's active conversations, latest activity first.</param>
/// <param name="Count">How many.</param>
/// <param name="Timestamp">When.</param>
public sealed record ActiveConversationsResponse(bool Success, IReadOnlyList<Seed003Conversation> Conversations, int Count, DateTimeOffset Timestamp);
