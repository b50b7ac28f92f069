using Rides.Grains.Events;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rides.Edge.Hubs;
using Rides.Edge.Protocol.Events;
using Rides.Grains;
using Rides.Grains.Authorization;
using Rides.Grains.Chat;
using Rides.Grains.Drivers;
using Rides.Grains.Rides;
using Rides.Grains.Support;
using Rides.Grains.Users;

namespace Rides.Edge.Subscriptions;

/// <summary>
/// Subscribes connections (hub connections and plain-WebSocket sessions alike) to the topics their user
/// may see and delivers each event, as seed 000's event record, to that connection's outlet only
/// (<see cref="ConnectionSubscriptionRegistry.OutletOf"/>), through this node's one subscription per
/// topic, <see cref="TopicSubscriptions"/>. Callers authorize first (a grain call that refuses
/// strangers); this type decides which of a ride's streams a participant gets: the driver's live
/// location goes to the rider (and back-office roles), never to other drivers. A ride's subscriptions end
/// with the ride: none are made for a ride that is over, and those held are released
/// <see cref="EdgeEventOptions.EndedRideLinger"/> after its final status event.
/// </summary>
public sealed partial class ConnectionStreams(
    TopicSubscriptions topics,
    ConnectionSubscriptionRegistry registry,
    IOptions<EdgeEventOptions> options,
    TimeProvider time,
    ILogger<ConnectionStreams> logger)
{
    /// <summary>
    /// Subscribes to a ride's status, chat and (for its rider) location streams; to nothing when the ride is
    /// over, since no event follows its final status.
    /// </summary>
    public Task JoinRideAsync(string connectionId, Caller caller, RideView ride)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(ride);
        if (ride.Status.IsTerminal())
        {
            return Task.CompletedTask;
        }

        var rideId = ride.RideId;
        var subscriptions = new List<Task>
        {
            SubscribeAsync<RideStatusEvent>(connectionId, Topics.RideStatus(rideId), (e, _) => DeliverStatusAsync(connectionId, e)),
            SubscribeAsync<ChatEvent>(connectionId, Topics.RideChat(rideId), (e, seq) => DeliverChatAsync(connectionId, caller.UserId, e, seq, isRide: true)),
        };
        if (SeesDriverLocation(caller, ride))
        {
            subscriptions.Add(SubscribeAsync<RideLocationEvent>(connectionId, Topics.RideLocation(rideId), (e, seq) => Client(connectionId).DriverLocationUpdate(DriverLocationUpdate.From(e, seq))));
        }

        return Task.WhenAll(subscriptions);
    }

    /// <summary>Releases the connection's subscriptions to a ride's streams.</summary>
    public Task LeaveRideAsync(string connectionId, string rideId) => Task.WhenAll(
        registry.RemoveAsync(connectionId, Topics.RideStatus(rideId)),
        registry.RemoveAsync(connectionId, Topics.RideChat(rideId)),
        registry.RemoveAsync(connectionId, Topics.RideLocation(rideId)));

    /// <summary>Subscribes a driver's connection to its offers.</summary>
    public Task JoinDriverOffersAsync(string connectionId, string driverId) =>
        SubscribeAsync<DriverOfferEvent>(connectionId, Topics.DriverOffers(driverId), (e, seq) => DeliverOfferAsync(connectionId, driverId, e, seq));

    /// <summary>Releases a driver's offer subscription.</summary>
    public Task LeaveDriverOffersAsync(string connectionId, string driverId) =>
        registry.RemoveAsync(connectionId, Topics.DriverOffers(driverId));

    /// <summary>Subscribes a connection to its user's private notifications (the trip PIN).</summary>
    public Task JoinUserAsync(string connectionId, string userId) =>
        SubscribeAsync<UserNotification>(connectionId, Topics.User(userId), (e, _) => DeliverUserNotificationAsync(connectionId, e));

    /// <summary>Releases a connection's subscription to its user's private notifications.</summary>
    public Task LeaveUserAsync(string connectionId, string userId) =>
        registry.RemoveAsync(connectionId, Topics.User(userId));

    /// <summary>Subscribes to a support conversation the caller takes part in.</summary>
    public Task JoinConversationAsync(string connectionId, Caller caller, string conversationId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return SubscribeAsync<ChatEvent>(connectionId, Topics.SupportChat(conversationId), (e, seq) => DeliverChatAsync(connectionId, caller.UserId, e, seq, isRide: false));
    }

    /// <summary>Releases a support conversation subscription.</summary>
    public Task LeaveConversationAsync(string connectionId, string conversationId) =>
        registry.RemoveAsync(connectionId, Topics.SupportChat(conversationId));

    /// <summary>Subscribes a staff connection to a support room.</summary>
    public Task JoinSupportRoomAsync(string connectionId, SupportRoomType roomType) =>
        SubscribeAsync<SupportRoomEvent>(connectionId, Topics.SupportRoom(roomType), (e, _) => Client(connectionId).SupportConversationUpdate(new SupportConversationUpdate
        {
            Kind = e.Kind,
            RoomId = SupportRoomTypeNames.ToRoomId(roomType),
            Conversation = Protocol.Models.SupportConversationData.From(e.Conversation),
            Timestamp = e.At,
        }));

    private static bool SeesDriverLocation(Caller caller, RideView ride) =>
        AccessPolicy.Decide(PlatformAction.FollowDriverLocation, caller.Role, AccessPolicy.RelationToRide(caller, ride.Rider.RiderId, ride.Driver?.DriverId)).IsAllowed;

    private Task DeliverStatusAsync(string connectionId, RideStatusEvent e)
    {
        var delivery = Client(connectionId).RideStatusUpdate(RideStatusUpdate.From(e));
        if (e.Status.IsTerminal())
        {
            _ = LeaveEndedRideAsync(connectionId, e.RideId);
        }

        return delivery;
    }

    private async Task LeaveEndedRideAsync(string connectionId, string rideId)
    {
        try
        {
            await Task.Delay(options.Value.EndedRideLinger, time).ConfigureAwait(false);
            await LeaveRideAsync(connectionId, rideId).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            LogEndedRideLeaveFailed(logger, exception, rideId, connectionId);
        }
    }

    private IRideClient Client(string connectionId) => registry.OutletOf(connectionId) ?? ClosedOutlet.Instance;

    private Task SubscribeAsync<T>(string connectionId, TopicId topic, Func<T, long, Task> deliver)
    {
        return registry.AddAsync(connectionId, topic, async () =>
        {
            var lease = await topics.SubscribeAsync(topic, e => e.Payload is T item ? DeliverAsync(item, e.Seq) : Task.CompletedTask).ConfigureAwait(false);
            return () => lease.DisposeAsync().AsTask();
        });

        async Task DeliverAsync(T item, long seq)
        {
            try
            {
                await deliver(item, seq).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                // One connection's failed delivery must not stop the topic for the others.
                LogDeliveryFailed(logger, exception, topic.ToString(), connectionId);
            }
        }
    }

    private Task DeliverOfferAsync(string connectionId, string driverId, DriverOfferEvent e, long seq) => e switch
    {
        { Kind: DriverOfferEventKind.Offered, Offer: { } offer } => Client(connectionId).NewRideRequest(NewRideRequest.From(driverId, offer, seq)),
        { Kind: DriverOfferEventKind.Withdrawn } => Client(connectionId).RideRequestWithdrawn(RideRequestWithdrawn.From(driverId, e.RideId, e.Reason, e.At, seq)),
        _ => Task.CompletedTask,
    };

    private Task DeliverUserNotificationAsync(string connectionId, UserNotification e) => e switch
    {
        { Kind: UserNotificationKind.TripPin, RideId: { } rideId, Pin: { } pin } =>
            Client(connectionId).TripPin(new TripPinMessage { RideId = rideId, Pin = pin, Message = e.Message, Timestamp = e.At }),
        { Kind: UserNotificationKind.RideRequested or UserNotificationKind.RideAssigned, RideId: { } rideId } when Client(connectionId) is IUserRideOutlet outlet =>
            outlet.UserRide(new UserRideNotice(rideId, e.Kind, e.At)),
        _ => Task.CompletedTask,
    };

    private Task DeliverChatAsync(string connectionId, string recipientId, ChatEvent e, long seq, bool isRide)
    {
        var client = Client(connectionId);
        switch (e.Kind)
        {
            case ChatEventKind.Message when e.Message is not null:
                return isRide
                    ? client.ChatMessage(ChatMessageEvent.From(e.Message, seq))
                    : client.NewMessage(new NewMessage
                    {
                        ConversationId = e.RoomId,
                        Message = Protocol.Models.SupportMessageData.From(e.Message),
                        Seq = seq,
                        EventId = Protocol.Models.EventIds.For(Topics.SupportChat(e.RoomId), seq),
                    });
            case ChatEventKind.Typing when e.UserId != recipientId:
                return client.TypingStatus(new TypingStatus
                {
                    RideId = isRide ? e.RoomId : null,
                    ConversationId = isRide ? null : e.RoomId,
                    UserId = e.UserId,
                    UserType = UserRoleNames.ToUserType(e.UserRole),
                    IsTyping = e.IsTyping ?? false,
                    Timestamp = e.At,
                });
            case ChatEventKind.Read when e.UserId != recipientId && e.MessageId is { } messageId:
                return client.MessageRead(new MessageRead
                {
                    RideId = isRide ? e.RoomId : null,
                    ConversationId = isRide ? null : e.RoomId,
                    UserId = e.UserId,
                    MessageId = messageId,
                    Timestamp = e.At,
                });
            default:
                return Task.CompletedTask;
        }
    }

    [LoggerMessage(EventId = 311, Level = LogLevel.Warning, Message = "Delivering an event of topic {Topic} to connection {ConnectionId} failed")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception, string topic, string connectionId);

    [LoggerMessage(EventId = 312, Level = LogLevel.Warning, Message = "Releasing the subscriptions of ended ride {RideId} for connection {ConnectionId} failed")]
    private static partial void LogEndedRideLeaveFailed(ILogger logger, Exception exception, string rideId, string connectionId);
}
