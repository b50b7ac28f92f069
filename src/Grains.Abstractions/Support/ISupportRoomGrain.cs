using Rides.Grains.Events;
using Orleans.Concurrency;

namespace Rides.Grains.Support;

/// <summary>
/// A staff support room, keyed by the room type's wire name (<see cref="SupportRoomTypeNames.ToWire"/>):
/// the open conversations of that type. Staff subscribed to <see cref="Topics.SupportRoom"/>
/// see new conversations as they are created.
/// </summary>
[Alias("rides.ISupportRoomGrain")]
public interface ISupportRoomGrain : IGrainWithStringKey
{
    /// <summary>Joins the room (seed 003's <c>join_support_room</c>): staff and admins only (FORBIDDEN).</summary>
    [ReadOnly]
    Task<SupportRoomView> Join(Caller caller);

    /// <summary>Records the latest view of a conversation of this type (called by the conversation grain).</summary>
    Task Upsert(SupportConversationView conversation);
}
