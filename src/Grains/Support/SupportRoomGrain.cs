using Orleans.Placement;
using Rides.Grains.Authorization;
using Rides.Grains.Events;
using Rides.Grains.Domain.Validation;

namespace Rides.Grains.Support;

/// <summary>A staff support room: its open conversations, announced on the room's stream. Calls no other grain.</summary>
[GrainType("supportroom")]
[RandomPlacement]
public sealed class SupportRoomGrain([PersistentState("room")] IPersistentState<SupportListState> state, TimeProvider time) : Grain, ISupportRoomGrain
{
    private const int Keep = 1000;

    /// <inheritdoc />
    public Task<SupportRoomView> Join(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        AccessPolicy.Demand(PlatformAction.JoinSupportRoom, caller.Role, Relation.None);

        var type = RoomType();
        return Task.FromResult(new SupportRoomView(SupportRoomTypeNames.ToRoomId(type), type, state.State.Conversations.ToList()));
    }

    /// <inheritdoc />
    public async Task Upsert(SupportConversationView conversation)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var list = state.State.Conversations;
        SupportRoomEventKind kind;
        if (conversation.Status == SupportConversationStatus.Closed)
        {
            list.RemoveAll(c => c.ConversationId == conversation.ConversationId);
            kind = SupportRoomEventKind.Closed;
        }
        else
        {
            kind = SupportLists.Upsert(list, conversation, Keep) ? SupportRoomEventKind.Created : SupportRoomEventKind.Updated;
        }

        await state.WriteStateAsync();
        await this.PublishAsync(Topics.SupportRoom(RoomType()), new SupportRoomEvent(kind, conversation, time.GetUtcNow()));
    }

    private SupportRoomType RoomType() =>
        SupportRoomTypeNames.TryParse(this.GetPrimaryKeyString(), out var type)
            ? type
            : throw DomainErrors.Validation("room_type", "is not a support room type");
}
