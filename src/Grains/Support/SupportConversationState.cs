using Rides.Grains.Chat;

namespace Rides.Grains.Support;

/// <summary>The persisted state of a support conversation (its messages live in the chat store).</summary>
public sealed class SupportConversationState
{
    /// <summary>"Support: " + the requested title.</summary>
    public string Title { get; set; } = string.Empty;

    /// <summary>The first message as requested (for idempotent creates).</summary>
    public string FirstMessage { get; set; } = string.Empty;

    /// <summary>Active or closed.</summary>
    public SupportConversationStatus Status { get; set; }

    /// <summary>The staff room it belongs to.</summary>
    public SupportRoomType RoomType { get; set; }

    /// <summary>The field user who opened it.</summary>
    public string CreatedBy { get; set; } = string.Empty;

    /// <summary>When it was opened.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The creator, then staff in joining order.</summary>
    public List<SupportParticipant> Participants { get; set; } = [];

    /// <summary>The newest message.</summary>
    public ChatMessage? LastMessage { get; set; }
}
