using Orleans.Placement;
using Rides.Grains.Events;
using Rides.Grains.Domain.Chat;
using Rides.Grains.Domain.Validation;
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
        await EnsureWritableAsync(caller);
        return await Core.SendAsync(caller, normalized);
    }

    /// <inheritdoc />
    public async Task<ChatPage> GetMessages(Caller caller, ChatPageRequest page)
    {
        var normalized = ChatRules.NormalizePage(page);
        await Ride.Get(caller);
        return await Core.ReadAsync(normalized);
    }

    /// <inheritdoc />
    public async Task SetTyping(Caller caller, bool isTyping)
    {
        await EnsureWritableAsync(caller);
        await Core.PublishTypingAsync(caller, isTyping);
    }

    /// <inheritdoc />
    public async Task MarkRead(Caller caller, long messageId)
    {
        EnsureMember(caller, await Ride.Get(caller));
        await Core.PublishReadAsync(caller, messageId);
    }

    private IRideGrain Ride => GrainFactory.GetGrain<IRideGrain>(this.GetPrimaryKeyString());

    private async Task EnsureWritableAsync(Caller caller)
    {
        var ride = await Ride.Get(caller);
        EnsureMember(caller, ride);
        if (ride.Status.IsTerminal())
        {
            throw new RidesException(ErrorCodes.ChatReadOnly, "The ride is over; its chat is read-only.", $"status: {ride.Status.ToWire()}");
        }
    }

    private static void EnsureMember(Caller caller, RideView ride)
    {
        var member = (caller.Role == UserRole.Rider && caller.UserId == ride.Rider.RiderId)
            || (caller.Role == UserRole.Driver && caller.UserId == ride.Driver?.DriverId);
        if (!member)
        {
            throw caller.IsPrivileged
                ? DomainErrors.Forbidden("write in a ride's chat", "staff and operators may read ride chats only")
                : DomainErrors.NotAParticipant("ride");
        }
    }
}
