using Rides.Edge.Protocol.Models;
using Rides.Grains;
using Rides.Grains.Support;

namespace Rides.Edge.Dialects.Seed003;

/// <summary>A conversation in seed 003's words: <c>{id, title, status, created_by, last_message_at, participants, last_message}</c>.</summary>
/// <param name="Id">The conversation id.</param>
/// <param name="Title">"Support: …".</param>
/// <param name="Status">ACTIVE or CLOSED.</param>
/// <param name="CreatedBy">The field user who opened it.</param>
/// <param name="LastMessageAt">When the newest message was sent.</param>
/// <param name="Participants">The creator, then staff in the order they joined.</param>
/// <param name="LastMessage">The newest message.</param>
public sealed record Seed003Conversation(
    string Id,
    string Title,
    string Status,
    string CreatedBy,
    DateTimeOffset? LastMessageAt,
    IReadOnlyList<Seed003Participant> Participants,
    Seed003LastMessage? LastMessage)
{
    /// <summary>The staff room it belongs to (beyond the seed's sample).</summary>
    public string? RoomType { get; init; }

    /// <summary>Seed 003's form of a platform conversation.</summary>
    public static Seed003Conversation From(SupportConversationView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return From(SupportConversationData.From(view));
    }

    /// <summary>Seed 003's form of a conversation as the edge's events carry it.</summary>
    public static Seed003Conversation From(SupportConversationData conversation)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return new Seed003Conversation(
            conversation.Id,
            conversation.Title,
            conversation.Status == SupportConversationStatus.Active ? "ACTIVE" : "CLOSED",
            conversation.CreatedBy,
            conversation.LastMessageAt,
            [.. conversation.Participants.Select(Participant)],
            conversation.LastMessage is { } last ? new Seed003LastMessage(Seed003Translator.Id(last.Id), last.Content, last.SenderId, last.SentAt) : null)
        {
            RoomType = SupportRoomTypeNames.ToWire(conversation.RoomType),
        };
    }

    private static Seed003Participant Participant(SupportParticipantData participant)
    {
        var name = participant.Name?.Trim();
        var space = name?.IndexOf(' ', StringComparison.Ordinal) ?? -1;
        var role = UserRoleNames.TryParse(participant.Role, out var known) ? Seed003Roles.Of(known) : participant.Role;
        return new Seed003Participant(
            participant.Id,
            role,
            string.IsNullOrEmpty(name) ? null : space < 0 ? name : name[..space],
            space < 0 ? null : name![(space + 1)..].Trim());
    }
}
