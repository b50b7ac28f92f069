namespace Rides.Grains.Support;

/// <summary>An event on a <see cref="StreamNames.SupportRoom"/> stream, for staff in that room.</summary>
/// <param name="Kind">Created, updated or closed.</param>
/// <param name="Conversation">The conversation after the change.</param>
/// <param name="At">When.</param>
public sealed record SupportRoomEvent(SupportRoomEventKind Kind, SupportConversationView Conversation, DateTimeOffset At);
