using Orleans.Placement;
using Rides.Grains.Authorization;
using Rides.Grains.Events;
using Rides.Grains.Domain.Chat;
using Rides.Grains.Errors;
using Rides.Grains.Rides;

namespace Rides.Grains.Chat;

/// <summary>
/// The chat room of a ride. It keeps no state of its own: each call asks the ride grain (which
/// never calls back) who may take part and whether the ride is over, so there is no call cycle.
/// </summary>
[GrainType("chatroom")]
[RandomPlacement]
public sealed class ChatRoomGrain(IChatStore store, TimeProvider time) : Grain, IChatRoomGrain
{
    private ChatRoomCore? _core;

    private ChatRoomCore Core => _core ?? throw new InvalidOperationException("The chat room is not activated.");

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var rideId = this.GetPrimaryKeyString();
        _core = new ChatRoomCore(ChatRoomKinds.Ride, rideId, store, e => this.PublishAsync(Topics.RideChat(rideId), e), time);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<ChatMessage> Send(Caller caller, string text)
    {
        var normalized = ChatRules.NormalizeText(text);
        await EnsureWritableAsync(caller, PlatformAction.WriteRideChat);
        return await Core.SendAsync(caller, normalized);
    }

    /// <inheritdoc />
    public async Task<ChatPage> GetMessages(Caller caller, ChatPageRequest page)
    {
        var normalized = ChatRules.NormalizePage(page);
        Demand(caller, PlatformAction.ReadRideChat, await Ride.Get(caller));
        return await Core.ReadAsync(normalized);
    }

    /// <inheritdoc />
    public async Task SetTyping(Caller caller, bool isTyping)
    {
        await EnsureWritableAsync(caller, PlatformAction.WriteRideChat);
        await Core.PublishTypingAsync(caller, isTyping);
    }

    /// <inheritdoc />
    public async Task MarkRead(Caller caller, long messageId)
    {
        Demand(caller, PlatformAction.MarkRideChatRead, await Ride.Get(caller));
        await Core.PublishReadAsync(caller, messageId);
    }

    private IRideGrain Ride => GrainFactory.GetGrain<IRideGrain>(this.GetPrimaryKeyString());

    private async Task EnsureWritableAsync(Caller caller, PlatformAction action)
    {
        var ride = await Ride.Get(caller);
        Demand(caller, action, ride);
        if (ride.Status.IsTerminal())
        {
            throw new RidesException(ErrorCodes.ChatReadOnly, "The ride is over; its chat is read-only.", $"status: {ride.Status.ToWire()}");
        }
    }

    // The ride grain already refused whoever may not view the ride (NOT_A_PARTICIPANT); the policy decides the rest.
    private static void Demand(Caller caller, PlatformAction action, RideView ride) =>
        AccessPolicy.Demand(action, caller.Role, AccessPolicy.RelationToRide(caller, ride.Rider.RiderId, ride.Driver?.DriverId));
}
