namespace Rides.Edge.Dialects.Seed003;

/// <summary>The answer to <c>get_conversation_messages</c>: a page, oldest first.</summary>
/// <param name="Success">True.</param>
/// <param name="Messages">The page's messages, oldest first.</param>
/// <param name="Count">How many on this page.</param>
/// <param name="ConversationId">The conversation.</param>
/// <param name="HasMore">Whether older messages exist before this page (beyond the seed's sample).</param>
public sealed record ConversationMessagesResponse(bool Success, IReadOnlyList<Seed003Message> Messages, int Count, string ConversationId, bool HasMore);
