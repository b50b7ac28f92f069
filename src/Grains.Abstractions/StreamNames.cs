using Rides.Runtime.Streams;

namespace Rides.Grains;

/// <summary>
/// The streams grains publish on, on the default stream provider. Each method gives the stream of
/// one key; the constants are the stream namespaces. Subscribers (the edge) must only subscribe a
/// connection to streams its user may see: the grain methods named in each summary say who that is.
/// </summary>
public static class StreamNames
{
    /// <summary>Namespace of ride status streams (<see cref="Rides.RideStatusEvent"/>), key = ride id.</summary>
    public const string RideStatusNamespace = "ride-status";

    /// <summary>Namespace of ride location streams (<see cref="Rides.RideLocationEvent"/>), key = ride id.</summary>
    public const string RideLocationNamespace = "ride-location";

    /// <summary>Namespace of ride chat streams (<see cref="Chat.ChatEvent"/>), key = ride id.</summary>
    public const string RideChatNamespace = "ride-chat";

    /// <summary>Namespace of driver offer streams (<see cref="Drivers.DriverOfferEvent"/>), key = driver id.</summary>
    public const string DriverOffersNamespace = "driver-offers";

    /// <summary>Namespace of support conversation streams (<see cref="Chat.ChatEvent"/>), key = conversation id.</summary>
    public const string SupportChatNamespace = "support-chat";

    /// <summary>Namespace of support room streams (<see cref="Support.SupportRoomEvent"/>), key = room type wire name.</summary>
    public const string SupportRoomNamespace = "support-room";

    /// <summary>Namespace of per-user private streams (<see cref="Users.UserNotification"/>), key = user id.</summary>
    public const string UserNamespace = "user";

    /// <summary>Status changes of a ride: for its rider, its assigned driver and staff (whoever <c>IRideGrain.Get</c> allows).</summary>
    public static StreamId RideStatus(string rideId) => StreamId.Create(RideStatusNamespace, rideId);

    /// <summary>The assigned driver's live location during the active ride: for the ride's rider (and staff).</summary>
    public static StreamId RideLocation(string rideId) => StreamId.Create(RideLocationNamespace, rideId);

    /// <summary>Messages, typing and read receipts of a ride's chat room: for its rider and assigned driver.</summary>
    public static StreamId RideChat(string rideId) => StreamId.Create(RideChatNamespace, rideId);

    /// <summary>Ride offers (<c>new_ride_request</c>) and their withdrawal: for that driver only.</summary>
    public static StreamId DriverOffers(string driverId) => StreamId.Create(DriverOffersNamespace, driverId);

    /// <summary>Messages, typing and read receipts of a support conversation: for its participants.</summary>
    public static StreamId SupportChat(string conversationId) => StreamId.Create(SupportChatNamespace, conversationId);

    /// <summary>New and changed support conversations of a room type: for staff and admins who joined the room.</summary>
    public static StreamId SupportRoom(Support.SupportRoomType roomType) =>
        StreamId.Create(SupportRoomNamespace, Support.SupportRoomTypeNames.ToWire(roomType));

    /// <summary>Private notifications of one user (the trip PIN): for that user only.</summary>
    public static StreamId User(string userId) => StreamId.Create(UserNamespace, userId);
}
