using Orleans.Concurrency;

namespace Rides.Grains.Support;

/// <summary>
/// The support conversations one user takes part in, keyed by user id (seed 003's
/// <c>get_active_conversations</c>). Fed by the conversation grains.
/// </summary>
[Alias("rides.ISupportInboxGrain")]
public interface ISupportInboxGrain : IGrainWithStringKey
{
    /// <summary>The user's active conversations, latest activity first (the user itself only: FORBIDDEN).</summary>
    [ReadOnly]
    Task<IReadOnlyList<SupportConversationView>> GetActive(Caller caller);

    /// <summary>Records the latest view of a conversation the user takes part in (called by the conversation grain).</summary>
    Task Upsert(SupportConversationView conversation);
}
