using Rides.Edge.Protocol;
using Rides.Grains;
using Rides.Grains.Authorization;

namespace Rides.Edge.Authorization;

/// <summary>
/// Every hub method, REST endpoint and dialect frame that carries an authorization decision, mapped to its
/// <see cref="AccessPolicy"/> actions. docs/protocol.md's "who" columns and its generated "Permissions" section are
/// checked against this and the table; the authorization-matrix test walks it over a real server.
/// </summary>
public static class ProtocolActions
{
    private static readonly UserRole[] Riders = [UserRole.Rider];
    private static readonly UserRole[] Drivers = [UserRole.Driver];

    /// <summary>The entries, grouped by surface in docs/protocol.md's order.</summary>
    public static IReadOnlyList<ProtocolEntry> All { get; } =
    [
        Hub(HubMethodNames.Authenticate),
        Hub(HubMethodNames.Ping),
        Hub(HubMethodNames.GoOnline, PlatformAction.GoOnline, Relation.Own),
        Hub(HubMethodNames.GoOffline, PlatformAction.GoOffline, Relation.Own),
        Hub(HubMethodNames.UpdateLocation, PlatformAction.UpdateLocation, Relation.Own),
        Hub(HubMethodNames.AcceptRide, PlatformAction.AcceptRide),
        Hub(HubMethodNames.DeclineRide, PlatformAction.DeclineRide),
        Hub(HubMethodNames.DriverArrived, PlatformAction.MarkArrived),
        Hub(HubMethodNames.StartRide, PlatformAction.StartRide),
        Hub(HubMethodNames.CompleteRide, PlatformAction.CompleteRide),
        Hub(HubMethodNames.RateRider, PlatformAction.RateRider),
        Hub(HubMethodNames.RequestRide, PlatformAction.RequestRide),
        Hub(HubMethodNames.JoinRideRoom, PlatformAction.ViewRide),
        Hub(HubMethodNames.LeaveRideRoom),
        Hub(HubMethodNames.GetRideState, PlatformAction.ViewRide),
        Hub(HubMethodNames.GetMissedEvents, PlatformAction.ViewRide),
        Hub(HubMethodNames.CancelRide, PlatformAction.CancelRide),
        Hub(HubMethodNames.RateDriver, PlatformAction.RateDriver),
        new("hub", HubMethodNames.SendChatMessage, [PlatformAction.WriteRideChat, PlatformAction.WriteSupportConversation]),
        Hub(HubMethodNames.GetRideChats, PlatformAction.ReadRideChat),
        new("hub", HubMethodNames.TypingIndicator, [PlatformAction.WriteRideChat, PlatformAction.WriteSupportConversation]),
        new("hub", HubMethodNames.MarkMessageRead, [PlatformAction.MarkRideChatRead, PlatformAction.MarkSupportRead]),
        Hub(HubMethodNames.CreateSupportConversation, PlatformAction.OpenSupportConversation),
        Hub(HubMethodNames.GetActiveConversations, PlatformAction.ListSupportConversations, Relation.Own),
        Hub(HubMethodNames.JoinConversation, PlatformAction.JoinSupportConversation),
        Hub(HubMethodNames.LeaveConversation),
        Hub(HubMethodNames.GetConversationMessages, PlatformAction.ReadSupportConversation),
        Hub(HubMethodNames.CloseConversation, PlatformAction.CloseSupportConversation),
        Hub(HubMethodNames.JoinSupportRoom, PlatformAction.JoinSupportRoom),

        Rest("POST /api/v1/riders/rides", PlatformAction.RequestRide, gate: Riders),
        Rest("GET /api/v1/rides/{id}", PlatformAction.ViewRide),
        Rest("POST /api/v1/riders/rate/driver", PlatformAction.RateDriver, gate: Riders),
        Rest("POST /api/v1/riders/payment", PlatformAction.PayRide, gate: Riders),
        Rest("POST /api/v1/drivers/online", PlatformAction.GoOnline, Relation.Own, Drivers),
        Rest("POST /api/v1/drivers/offline", PlatformAction.GoOffline, Relation.Own, Drivers),
        Rest("POST /api/v1/drivers/location", PlatformAction.UpdateLocation, Relation.Own, Drivers),
        Rest("POST /api/v1/drivers/rides/{ride_id}/accept", PlatformAction.AcceptRide, gate: Drivers),
        Rest("POST /api/v1/drivers/rides/{ride_id}/decline", PlatformAction.DeclineRide, gate: Drivers),
        Rest("POST /api/v1/drivers/rides/{ride_id}/arrived", PlatformAction.MarkArrived, gate: Drivers),
        Rest("POST /api/v1/drivers/rides/{ride_id}/start", PlatformAction.StartRide, gate: Drivers),
        Rest("POST /api/v1/drivers/rides/{ride_id}/complete", PlatformAction.CompleteRide, gate: Drivers),
        Rest("POST /api/v1/drivers/rides/{ride_id}/cancel", PlatformAction.CancelRide, gate: Drivers),
        Rest("GET /api/v1/drivers/rides", PlatformAction.ViewDriverHistory, Relation.Own, Drivers),
        Rest("GET /api/v1/drivers/me", PlatformAction.ViewDriver, Relation.Own, Drivers),
        Rest("PUT /api/v1/drivers/me", PlatformAction.UpdateDriverProfile, Relation.Own, Drivers),
        Rest("POST /api/v1/riders/rides/{ride_id}/cancel", PlatformAction.CancelRide, gate: Riders),
        Rest("GET /api/v1/riders/rides", PlatformAction.ViewRiderHistory, Relation.Own, Riders),
        Rest("GET /api/v1/riders/me", PlatformAction.ViewRider, Relation.Own, Riders),
        Rest("PUT /api/v1/riders/me", PlatformAction.UpdateRiderProfile, Relation.Own, Riders),
        Rest("GET /api/v1/ws/stats", PlatformAction.ViewPlatformStats),

        new("seed001", "ping", []),
        new("seed001", "join_ride", [PlatformAction.ViewRide]),
        new("seed001", "leave_ride", []),
        new("seed001", "driver_online", [PlatformAction.GoOnline], Relation.Own),
        new("seed001", "driver_offline", [PlatformAction.GoOffline], Relation.Own),
        new("seed001", "update_location", [PlatformAction.UpdateLocation], Relation.Own),
        new("seed001", "driver_arrived", [PlatformAction.MarkArrived]),

        new("seed002", EdgePaths.Seed002Bookings, [PlatformAction.FollowRiderBookings]),
        new("seed002", EdgePaths.Seed002DriverBookings, [PlatformAction.FollowDriverBookings]),
        new("seed002", EdgePaths.Seed002AvailableBookings, [PlatformAction.FollowDriverOffers]),

        new("seed003", "create_support_conversation", [PlatformAction.OpenSupportConversation]),
        new("seed003", "get_active_conversations", [PlatformAction.ListSupportConversations], Relation.Own),
        new("seed003", "join_conversation", [PlatformAction.JoinSupportConversation]),
        new("seed003", "join_support_room", [PlatformAction.JoinSupportRoom]),
        new("seed003", "send_chat_message", [PlatformAction.WriteSupportConversation]),
        new("seed003", "typing_indicator", [PlatformAction.WriteSupportConversation]),
        new("seed003", "get_conversation_messages", [PlatformAction.ReadSupportConversation]),
        new("seed003", "mark_message_read", [PlatformAction.MarkSupportRead]),

        new("seed004", "join booking:ID", [PlatformAction.ViewRide]),
        new("seed004", "join user:ID", [PlatformAction.JoinUserRoom]),
        new("seed004", "join support:ID", [PlatformAction.JoinSupportConversation]),
        new("seed004", "leave", []),
        new("seed004", "typing", [PlatformAction.WriteRideChat, PlatformAction.WriteSupportConversation]),
        new("seed004", "message", [PlatformAction.WriteRideChat, PlatformAction.WriteSupportConversation]),
        new("seed004", "ping", []),
    ];

    /// <summary>The entry of <paramref name="surface"/> named <paramref name="name"/>.</summary>
    public static ProtocolEntry Find(string surface, string name) =>
        All.SingleOrDefault(e => e.Surface == surface && e.Name == name) ?? throw new KeyNotFoundException($"{surface} {name}");

    private static ProtocolEntry Hub(string method, PlatformAction? action = null, Relation? fixedRelation = null) =>
        new("hub", method, action is { } a ? [a] : [], fixedRelation);

    private static ProtocolEntry Rest(string route, PlatformAction action, Relation? fixedRelation = null, UserRole[]? gate = null) =>
        new("rest", route, [action], fixedRelation, gate);
}
