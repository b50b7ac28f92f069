namespace Rides.Grains.Events;

/// <summary>
/// The topics grains publish on (through <see cref="ITopicGrain"/>). Each method gives the topic of
/// one key; the constants are the topic namespaces. Subscribers (the edge) must only subscribe a
/// connection to topics its user may see: the grain methods named in each summary say who that is.
/// </summary>
public static class Topics
{
    /// <summary>Namespace of ride status topics (<see cref="Grains.Rides.RideStatusEvent"/>), key = ride id.</summary>
    public const string RideStatusNamespace = "ride-status";

    /// <summary>Namespace of ride location topics (<see cref="Grains.Rides.RideLocationEvent"/>), key = ride id.</summary>
    public const string RideLocationNamespace = "ride-location";

    /// <summary>Namespace of ride chat topics (<see cref="Chat.ChatEvent"/>), key = ride id.</summary>
    public const string RideChatNamespace = "ride-chat";

    /// <summary>Namespace of driver offer topics (<see cref="Drivers.DriverOfferEvent"/>), key = driver id.</summary>
    public const string DriverOffersNamespace = "driver-offers";

    /// <summary>Namespace of support conversation topics (<see cref="Chat.ChatEvent"/>), key = conversation id.</summary>
    public const string SupportChatNamespace = "support-chat";

    /// <summary>Namespace of support room topics (<see cref="Support.SupportRoomEvent"/>), key = room type wire name.</summary>
    public const string SupportRoomNamespace = "support-room";

    /// <summary>Namespace of per-user private topics (<see cref="Users.UserNotification"/>), key = user id.</summary>
    public const string UserNamespace = "user";

    /// <summary>Status changes of a ride: for its rider, its assigned driver and staff (whoever <c>IRideGrain.Get</c> allows).</summary>
    public static TopicId RideStatus(string rideId) => new TopicId(RideStatusNamespace, rideId);

    /// <summary>The assigned driver's live location during the active ride: for the ride's rider (and staff).</summary>
    public static TopicId RideLocation(string rideId) => new TopicId(RideLocationNamespace, rideId);

    /// <summary>Messages, typing and read receipts of a ride's chat room: for its rider and assigned driver.</summary>
    public static TopicId RideChat(string rideId) => new TopicId(RideChatNamespace, rideId);

    /// <summary>Ride offers (<c>new_ride_request</c>) and their withdrawal: for that driver only.</summary>
    public static TopicId DriverOffers(string driverId) => new TopicId(DriverOffersNamespace, driverId);

    /// <summary>Messages, typing and read receipts of a support conversation: for its participants.</summary>
    public static TopicId SupportChat(string conversationId) => new TopicId(SupportChatNamespace, conversationId);

    /// <summary>New and changed support conversations of a room type: for staff and admins who joined the room.</summary>
    public static TopicId SupportRoom(Support.SupportRoomType roomType) =>
        new TopicId(SupportRoomNamespace, Support.SupportRoomTypeNames.ToWire(roomType));

    /// <summary>Private notifications of one user (the trip PIN): for that user only.</summary>
    public static TopicId User(string userId) => new TopicId(UserNamespace, userId);
}
