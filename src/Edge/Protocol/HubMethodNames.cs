namespace Rides.Edge.Protocol;

/// <summary>The client→server hub method names (seed 000's event names plus seeds 001–004): the one place they are spelled.</summary>
public static class HubMethodNames
{
    /// <summary>Confirms the connection's identity with a token.</summary>
    public const string Authenticate = "authenticate";

    /// <summary>Driver becomes available for offers.</summary>
    public const string GoOnline = "go_online";

    /// <summary>Driver stops receiving offers.</summary>
    public const string GoOffline = "go_offline";

    /// <summary>Driver reports its position.</summary>
    public const string UpdateLocation = "update_location";

    /// <summary>Driver accepts an offered ride.</summary>
    public const string AcceptRide = "accept_ride";

    /// <summary>Driver declines an offered ride.</summary>
    public const string DeclineRide = "decline_ride";

    /// <summary>Driver is at the pickup.</summary>
    public const string DriverArrived = "driver_arrived";

    /// <summary>Driver starts the trip (with the rider's PIN where required).</summary>
    public const string StartRide = "start_ride";

    /// <summary>Driver completes the trip.</summary>
    public const string CompleteRide = "complete_ride";

    /// <summary>Rider or driver cancels.</summary>
    public const string CancelRide = "cancel_ride";

    /// <summary>Rider requests a ride over the hub (seed 001).</summary>
    public const string RequestRide = "request_ride";

    /// <summary>Subscribes the connection to a ride's events.</summary>
    public const string JoinRideRoom = "join_ride_room";

    /// <summary>Unsubscribes the connection from a ride's events.</summary>
    public const string LeaveRideRoom = "leave_ride_room";

    /// <summary>The ride's current state and last sequence number.</summary>
    public const string GetRideState = "get_ride_state";

    /// <summary>The ride events after a sequence number, for a reconnecting client.</summary>
    public const string GetMissedEvents = "get_missed_events";

    /// <summary>Sends a chat message in a ride room or a support conversation.</summary>
    public const string SendChatMessage = "send_chat_message";

    /// <summary>A ride room's chat history.</summary>
    public const string GetRideChats = "get_ride_chats";

    /// <summary>Typing started or stopped.</summary>
    public const string TypingIndicator = "typing_indicator";

    /// <summary>A message was read.</summary>
    public const string MarkMessageRead = "mark_message_read";

    /// <summary>Rider rates the driver of a completed ride.</summary>
    public const string RateDriver = "rate_driver";

    /// <summary>Driver rates the rider of a completed ride.</summary>
    public const string RateRider = "rate_rider";

    /// <summary>Heartbeat.</summary>
    public const string Ping = "ping";

    /// <summary>Field user opens a support conversation (seed 003).</summary>
    public const string CreateSupportConversation = "create_support_conversation";

    /// <summary>The caller's active support conversations (seed 003).</summary>
    public const string GetActiveConversations = "get_active_conversations";

    /// <summary>Subscribes the connection to a support conversation (seed 003).</summary>
    public const string JoinConversation = "join_conversation";

    /// <summary>Unsubscribes the connection from a support conversation.</summary>
    public const string LeaveConversation = "leave_conversation";

    /// <summary>A support conversation's messages, paged (seed 003).</summary>
    public const string GetConversationMessages = "get_conversation_messages";

    /// <summary>Staff joins a support room to hear of new conversations (seed 003).</summary>
    public const string JoinSupportRoom = "join_support_room";

    /// <summary>Closes a support conversation.</summary>
    public const string CloseConversation = "close_conversation";
}
