using Rides.Grains.Chat;

namespace Rides.Grains.Support;

/// <summary>A support conversation (seed 003's conversation object).</summary>
/// <param name="ConversationId">The conversation id (the grain key).</param>
/// <param name="Title">"Support: " + the requested title.</param>
/// <param name="Status">Active or closed.</param>
/// <param name="RoomType">The staff room it belongs to.</param>
/// <param name="CreatedBy">The field user who opened it.</param>
/// <param name="CreatedAt">When it was opened.</param>
/// <param name="Participants">The creator, then staff in the order they joined.</param>
/// <param name="LastMessage">The newest message.</param>
/// <param name="LastMessageAt">When the newest message was sent.</param>
[GenerateSerializer, Alias("rides.SupportConversationView")]
public sealed record SupportConversationView(
    string ConversationId,
    string Title,
    SupportConversationStatus Status,
    SupportRoomType RoomType,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    IReadOnlyList<SupportParticipant> Participants,
    ChatMessage? LastMessage,
    DateTimeOffset? LastMessageAt);
