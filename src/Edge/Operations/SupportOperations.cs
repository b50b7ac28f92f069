using Rides.Edge.Subscriptions;
using Rides.Grains;
using Rides.Grains.Support;

namespace Rides.Edge.Operations;

/// <summary>Support conversations on a connection: creating or joining one subscribes the connection to it after the grain allowed it.</summary>
public sealed class SupportOperations(IClusterClient cluster, ConnectionStreams streams)
{
    /// <summary>A rider or driver opens a conversation (a new id unless given) and the connection joins it.</summary>
    public async Task<SupportConversationView> CreateAsync(string connectionId, Caller caller, CreateSupportConversation request, string? conversationId)
    {
        var id = conversationId ?? SupportConversationIds.New();
        var view = await Conversation(id).Create(caller, request).ConfigureAwait(false);
        await streams.JoinConversationAsync(connectionId, caller, id).ConfigureAwait(false);
        return view;
    }

    /// <summary>Its participants (and staff, who become participants) join the conversation; others get NOT_A_PARTICIPANT.</summary>
    public async Task<SupportConversationView> JoinAsync(string connectionId, Caller caller, string conversationId)
    {
        var view = await Conversation(conversationId).Join(caller).ConfigureAwait(false);
        await streams.JoinConversationAsync(connectionId, caller, conversationId).ConfigureAwait(false);
        return view;
    }

    /// <summary>Stops the conversation's events on the connection.</summary>
    public Task LeaveAsync(string connectionId, string conversationId) => streams.LeaveConversationAsync(connectionId, conversationId);

    /// <summary>The conversation grain.</summary>
    public ISupportConversationGrain Conversation(string conversationId) => cluster.Get<ISupportConversationGrain>(conversationId);
}
