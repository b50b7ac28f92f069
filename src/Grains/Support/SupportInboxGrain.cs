using Orleans.Placement;
using Rides.Grains.Authorization;

namespace Rides.Grains.Support;

/// <summary>The support conversations of one user; calls no other grain.</summary>
[GrainType("supportinbox")]
[RandomPlacement]
public sealed class SupportInboxGrain([PersistentState("inbox")] IPersistentState<SupportListState> state) : Grain, ISupportInboxGrain
{
    private const int Keep = 200;

    /// <inheritdoc />
    public Task<IReadOnlyList<SupportConversationView>> GetActive(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        AccessPolicy.Demand(PlatformAction.ListSupportConversations, caller.Role, AccessPolicy.RelationToUser(caller, this.GetPrimaryKeyString()));

        IReadOnlyList<SupportConversationView> active = state.State.Conversations.Where(c => c.Status == SupportConversationStatus.Active).ToList();
        return Task.FromResult(active);
    }

    /// <inheritdoc />
    public Task Upsert(SupportConversationView conversation)
    {
        SupportLists.Upsert(state.State.Conversations, conversation, Keep);
        return state.WriteStateAsync();
    }
}
