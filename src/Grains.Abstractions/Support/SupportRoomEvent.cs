using Rides.Grains.Events;
namespace Rides.Grains.Support;

/// <summary>An event on a <see cref="Topics.SupportRoom"/> stream, for staff in that room.</summary>
/// <param name="Kind">Created, updated or closed.</param>
/// <param name="Conversation">The conversation after the change.</param>
/// <param name="At">When.</param>
[GenerateSerializer, Alias("rides.SupportRoomEvent")]
public sealed record SupportRoomEvent(SupportRoomEventKind Kind, SupportConversationView Conversation, DateTimeOffset At);
