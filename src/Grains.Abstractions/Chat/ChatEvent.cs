using Rides.Grains.Events;
namespace Rides.Grains.Chat;

/// <summary>An event on a chat stream (<see cref="Topics.RideChat"/> or <see cref="Topics.SupportChat"/>).</summary>
/// <param name="Kind">Message, typing or read.</param>
/// <param name="RoomId">The ride id or conversation id.</param>
/// <param name="UserId">The sender, typist or reader.</param>
/// <param name="UserRole">That user's role.</param>
/// <param name="At">When.</param>
/// <param name="Message">The message, for <see cref="ChatEventKind.Message"/>.</param>
/// <param name="IsTyping">Whether typing, for <see cref="ChatEventKind.Typing"/>.</param>
/// <param name="MessageId">The message read, for <see cref="ChatEventKind.Read"/>.</param>
[GenerateSerializer, Immutable, Alias("rides.ChatEvent")]
public sealed record ChatEvent(ChatEventKind Kind, string RoomId, string UserId, UserRole UserRole, DateTimeOffset At, ChatMessage? Message = null, bool? IsTyping = null, long? MessageId = null);
