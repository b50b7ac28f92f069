namespace Rides.Edge.Dialects.Seed003;

/// <summary>The answer to <c>create_support_conversation</c>.</summary>
/// <param name="Success">True.</param>
/// <param name="Message">"Support conversation created successfully".</param>
/// <param name="ConversationId">The new conversation.</param>
/// <param name="Title">"Support: " + the title asked for.</param>
/// <param name="Participants">The participants' user ids (the creator; staff join as they answer).</param>
/// <param name="Timestamp">When.</param>
public sealed record ConversationCreatedResponse(bool Success, string Message, string ConversationId, string Title, IReadOnlyList<string> Participants, DateTimeOffset Timestamp);
