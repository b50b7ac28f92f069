namespace Rides.Edge.Protocol;

/// <summary>The server→client method names (seed 000's plus what the flows of seeds 001–004 need).</summary>
public static class ClientMethodNames
{
    /// <summary>General notices (welcome on connect).</summary>
    public const string ServerMessage = "server_message";

    /// <summary>A ride's status changed.</summary>
    public const string RideStatusUpdate = "ride_status_update";

    /// <summary>The assigned driver moved (to the ride's rider, during the active ride).</summary>
    public const string DriverLocationUpdate = "driver_location_update";

    /// <summary>A chat message in a ride room.</summary>
    public const string ChatMessage = "chat_message";

    /// <summary>A ride offered to this driver.</summary>
    public const string NewRideRequest = "new_ride_request";

    /// <summary>An offer to this driver no longer stands.</summary>
    public const string RideRequestWithdrawn = "ride_request_withdrawn";

    /// <summary>Someone else in a room started or stopped typing.</summary>
    public const string TypingStatus = "typing_status";

    /// <summary>Someone else in a room read a message.</summary>
    public const string MessageRead = "message_read";

    /// <summary>The rider's trip PIN (to the rider only).</summary>
    public const string TripPin = "trip_pin";

    /// <summary>A message in a support conversation (seed 003).</summary>
    public const string NewMessage = "new_message";

    /// <summary>A support conversation was opened or changed (to staff in its support room).</summary>
    public const string SupportConversationUpdate = "support_conversation_update";
}
