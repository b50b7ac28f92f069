using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using Rides.Edge.Hubs;
using Rides.Edge.Protocol.Events;
using Rides.Grains;
using Rides.Grains.Chat;
using Rides.Grains.Drivers;
using Rides.Grains.Rides;
using Rides.Grains.Support;
using Rides.Grains.Users;
using Rides.Runtime;
using Rides.Runtime.Streams;

namespace Rides.Edge.Subscriptions;

/// <summary>
/// Subscribes hub connections to the grain streams their user may see and delivers each event to that
/// connection only. Callers authorize first (a grain call that refuses strangers); this type decides
/// which of a ride's streams a participant gets: the driver's live location goes to the rider (and
/// back-office roles), never to other drivers.
/// </summary>
public sealed partial class ConnectionStreams(
    IClusterClient cluster,
    IHubContext<RidesHub, IRideClient> hub,
    ConnectionSubscriptionRegistry registry,
    ILogger<ConnectionStreams> logger)
{
    private IStreamProvider Streams => cluster.GetStreamProvider();

    /// <summary>Subscribes to a ride's status, chat and (for its rider) location streams.</summary>
    public Task JoinRideAsync(string connectionId, Caller caller, RideView ride)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(ride);
        var rideId = ride.RideId;
        var subscriptions = new List<Task>
        {
            SubscribeAsync<RideStatusEvent>(connectionId, StreamNames.RideStatus(rideId), (e, _) => Client(connectionId).RideStatusUpdate(RideStatusUpdate.From(e))),
            SubscribeAsync<ChatEvent>(connectionId, StreamNames.RideChat(rideId), (e, token) => DeliverChatAsync(connectionId, caller.UserId, e, token.SequenceNumber, isRide: true)),
        };
        if (SeesDriverLocation(caller, ride))
        {
            subscriptions.Add(SubscribeAsync<RideLocationEvent>(connectionId, StreamNames.RideLocation(rideId), (e, token) => Client(connectionId).DriverLocationUpdate(DriverLocationUpdate.From(e, token.SequenceNumber))));
        }

        return Task.WhenAll(subscriptions);
    }

    /// <summary>Releases the connection's subscriptions to a ride's streams.</summary>
    public Task LeaveRideAsync(string connectionId, string rideId) => Task.WhenAll(
        registry.RemoveAsync(connectionId, StreamNames.RideStatus(rideId)),
        registry.RemoveAsync(connectionId, StreamNames.RideChat(rideId)),
        registry.RemoveAsync(connectionId, StreamNames.RideLocation(rideId)));

    /// <summary>Subscribes a driver's connection to its offers.</summary>
    public Task JoinDriverOffersAsync(string connectionId, string driverId) =>
        SubscribeAsync<DriverOfferEvent>(connectionId, StreamNames.DriverOffers(driverId), (e, token) => DeliverOfferAsync(connectionId, driverId, e, token.SequenceNumber));

    /// <summary>Releases a driver's offer subscription.</summary>
    public Task LeaveDriverOffersAsync(string connectionId, string driverId) =>
        registry.RemoveAsync(connectionId, StreamNames.DriverOffers(driverId));

    /// <summary>Subscribes a connection to its user's private notifications (the trip PIN).</summary>
    public Task JoinUserAsync(string connectionId, string userId) =>
        SubscribeAsync<UserNotification>(connectionId, StreamNames.User(userId), (e, _) => DeliverUserNotificationAsync(connectionId, e));

    /// <summary>Subscribes to a support conversation the caller takes part in.</summary>
    public Task JoinConversationAsync(string connectionId, Caller caller, string conversationId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return SubscribeAsync<ChatEvent>(connectionId, StreamNames.SupportChat(conversationId), (e, token) => DeliverChatAsync(connectionId, caller.UserId, e, token.SequenceNumber, isRide: false));
    }

    /// <summary>Releases a support conversation subscription.</summary>
    public Task LeaveConversationAsync(string connectionId, string conversationId) =>
        registry.RemoveAsync(connectionId, StreamNames.SupportChat(conversationId));

    /// <summary>Subscribes a staff connection to a support room.</summary>
    public Task JoinSupportRoomAsync(string connectionId, SupportRoomType roomType) =>
        SubscribeAsync<SupportRoomEvent>(connectionId, StreamNames.SupportRoom(roomType), (e, _) => Client(connectionId).SupportConversationUpdate(new SupportConversationUpdate
        {
            Kind = e.Kind,
            RoomId = SupportRoomTypeNames.ToRoomId(roomType),
            Conversation = Protocol.Models.SupportConversationData.From(e.Conversation),
            Timestamp = e.At,
        }));

    private static bool SeesDriverLocation(Caller caller, RideView ride) =>
        (caller.Role == UserRole.Rider && caller.UserId == ride.Rider.RiderId) || caller.IsPrivileged;

    private IRideClient Client(string connectionId) => hub.Clients.Client(connectionId);

    private Task SubscribeAsync<T>(string connectionId, StreamId stream, Func<T, StreamSequenceToken, Task> deliver) =>
        registry.AddAsync(connectionId, stream, async () =>
        {
            var handle = await Streams.GetStream<T>(stream).SubscribeAsync(async (item, token) =>
            {
                try
                {
                    await deliver(item, token).ConfigureAwait(false);
                }
                catch (Exception exception)
                {
                    // One connection's failed delivery must not stop the stream for the others.
                    LogDeliveryFailed(logger, exception, stream.ToString(), connectionId);
                }
            }).ConfigureAwait(false);
            return handle.UnsubscribeAsync;
        });

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
                        EventId = Protocol.Models.EventIds.For(StreamNames.SupportChat(e.RoomId), seq),
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

    [LoggerMessage(EventId = 311, Level = LogLevel.Warning, Message = "Delivering an event of stream {Stream} to connection {ConnectionId} failed")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception, string stream, string connectionId);
}
