namespace Rides.Grains.Chat;

/// <summary>A page of chat history.</summary>
/// <param name="Messages">The messages in ascending id order (oldest first).</param>
/// <param name="HasMore">Whether older messages exist before the first one of this page.</param>
[GenerateSerializer, Alias("rides.ChatPage")]
public sealed record ChatPage(IReadOnlyList<ChatMessage> Messages, bool HasMore);
