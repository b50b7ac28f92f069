namespace Rides.Grains.Chat;

/// <summary>A stored chat message (seed 000's <c>chat_message</c>; seed 003's message).</summary>
/// <param name="Id">The message id: 1 for a room's first message, then increasing by one.</param>
/// <param name="RoomId">The ride id for ride chat, the conversation id for support chat.</param>
/// <param name="SenderId">The sender's user id.</param>
/// <param name="SenderRole">The sender's role (seed 000's <c>sender_type</c> in upper case via <see cref="UserRoleNames.ToUserType"/>).</param>
/// <param name="Text">The message text.</param>
/// <param name="SentAt">When the platform stored it.</param>
[GenerateSerializer, Immutable, Alias("rides.ChatMessage")]
public sealed record ChatMessage(long Id, string RoomId, string SenderId, UserRole SenderRole, string Text, DateTimeOffset SentAt);
