using Orleans.Placement;
using Rides.Grains.Domain.Validation;

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
        if (caller is null || (caller.UserId != this.GetPrimaryKeyString() && caller.Role != UserRole.Admin))
        {
            throw DomainErrors.Forbidden("view this user's conversations");
        }

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
