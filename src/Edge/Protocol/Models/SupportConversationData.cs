using Rides.Grains;
using Rides.Grains.Support;

namespace Rides.Edge.Protocol.Models;

/// <summary>A support conversation (seed 003's conversation object).</summary>
public sealed record SupportConversationData
{
    /// <summary>The conversation id.</summary>
    public required string Id { get; init; }

    /// <summary>"Support: " + the title asked for.</summary>
    public required string Title { get; init; }

    /// <summary>ACTIVE or CLOSED.</summary>
    public required SupportConversationStatus Status { get; init; }

    /// <summary>general_support, emergency_support, driver_support or regulator_support.</summary>
    public required SupportRoomType RoomType { get; init; }

    /// <summary>The field user who opened it.</summary>
    public required string CreatedBy { get; init; }

    /// <summary>When opened.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The participants: the creator, then staff in joining order.</summary>
    public required IReadOnlyList<SupportParticipantData> Participants { get; init; }

    /// <summary>The newest message.</summary>
    public SupportMessageData? LastMessage { get; init; }

    /// <summary>When the newest message was sent.</summary>
    public DateTimeOffset? LastMessageAt { get; init; }

    /// <summary>The wire form of a conversation view.</summary>
    public static SupportConversationData From(SupportConversationView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new SupportConversationData
        {
            Id = view.ConversationId,
            Title = view.Title,
            Status = view.Status,
            RoomType = view.RoomType,
            CreatedBy = view.CreatedBy,
            CreatedAt = view.CreatedAt,
            Participants = [.. view.Participants.Select(p => new SupportParticipantData(p.UserId, UserRoleNames.ToUserType(p.Role), p.Name))],
            LastMessage = view.LastMessage is null ? null : SupportMessageData.From(view.LastMessage),
            LastMessageAt = view.LastMessageAt,
        };
    }
}
