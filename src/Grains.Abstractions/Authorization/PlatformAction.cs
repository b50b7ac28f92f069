namespace Rides.Grains.Authorization;

/// <summary>
/// Everything a caller may be allowed or refused, one value per decision of the <see cref="AccessPolicy"/>. Hub methods,
/// REST endpoints and dialect frames map onto these (several onto one: <c>join_ride_room</c>, <c>get_ride_state</c>,
/// <c>GET /api/v1/rides/{id}</c> and seed 001's <c>join_ride</c> are all <see cref="ViewRide"/>).
/// </summary>
public enum PlatformAction
{
    /// <summary>Request a new ride.</summary>
    RequestRide,

    /// <summary>Read a ride: its state, its events, its room.</summary>
    ViewRide,

    /// <summary>Accept an offered ride (the offer itself is dispatch's check).</summary>
    AcceptRide,

    /// <summary>Decline an offered ride.</summary>
    DeclineRide,

    /// <summary>Report arrival at the pickup.</summary>
    MarkArrived,

    /// <summary>Start the trip.</summary>
    StartRide,

    /// <summary>Complete the trip.</summary>
    CompleteRide,

    /// <summary>Cancel a ride that is not over.</summary>
    CancelRide,

    /// <summary>Rate the driver of a completed ride.</summary>
    RateDriver,

    /// <summary>Rate the rider of a completed ride.</summary>
    RateRider,

    /// <summary>Pay for a completed ride.</summary>
    PayRide,

    /// <summary>Receive the driver's locations during a ride (a subscription made when joining its room).</summary>
    FollowDriverLocation,

    /// <summary>Read a ride's chat history.</summary>
    ReadRideChat,

    /// <summary>Write in a ride's chat: messages and typing indicators.</summary>
    WriteRideChat,

    /// <summary>Send a read receipt in a ride's chat.</summary>
    MarkRideChatRead,

    /// <summary>Go online (be offered rides).</summary>
    GoOnline,

    /// <summary>Go offline.</summary>
    GoOffline,

    /// <summary>Report the driver's location.</summary>
    UpdateLocation,

    /// <summary>Read a driver's profile and state.</summary>
    ViewDriver,

    /// <summary>Read a driver's ride history.</summary>
    ViewDriverHistory,

    /// <summary>Change a driver's profile.</summary>
    UpdateDriverProfile,

    /// <summary>Read a rider's profile.</summary>
    ViewRider,

    /// <summary>Read a rider's ride history.</summary>
    ViewRiderHistory,

    /// <summary>Change a rider's profile.</summary>
    UpdateRiderProfile,

    /// <summary>Open a support conversation.</summary>
    OpenSupportConversation,

    /// <summary>Read a support conversation and its messages.</summary>
    ReadSupportConversation,

    /// <summary>Join a support conversation (staff become participants).</summary>
    JoinSupportConversation,

    /// <summary>Write in a support conversation: messages and typing indicators.</summary>
    WriteSupportConversation,

    /// <summary>Send a read receipt in a support conversation.</summary>
    MarkSupportRead,

    /// <summary>Close a support conversation.</summary>
    CloseSupportConversation,

    /// <summary>Join a staff support room (hear of its conversations).</summary>
    JoinSupportRoom,

    /// <summary>List a user's active support conversations.</summary>
    ListSupportConversations,

    /// <summary>Join a user's room (seed 004's <c>user:ID</c>).</summary>
    JoinUserRoom,

    /// <summary>Read the platform's statistics (<c>GET /api/v1/ws/stats</c>).</summary>
    ViewPlatformStats,

    /// <summary>Listen to the caller's bookings as a rider (seed 002's <c>/ws/bookings/</c>).</summary>
    FollowRiderBookings,

    /// <summary>Listen to the caller's bookings as a driver (seed 002's <c>/ws/driver/bookings/</c>).</summary>
    FollowDriverBookings,

    /// <summary>Listen to the caller's offers (seed 002's <c>/ws/driver/available_bookings/</c>).</summary>
    FollowDriverOffers,
}
