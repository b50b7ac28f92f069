namespace Rides.Edge.Dialects.Seed003;

/// <summary>The answer to <c>join_conversation</c>.</summary>
/// <param name="Success">True.</param>
/// <param name="Message">"Joined conversation {id}".</param>
/// <param name="ConversationId">The conversation joined.</param>
public sealed record JoinedConversationResponse(bool Success, string Message, string ConversationId);
