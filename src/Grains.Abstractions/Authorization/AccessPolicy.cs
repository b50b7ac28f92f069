using System.Collections.Frozen;
using Rides.Grains.Errors;

namespace Rides.Grains.Authorization;

/// <summary>
/// Who may do what, written once: role × <see cref="PlatformAction"/> × the caller's <see cref="Relation"/> to the resource →
/// allowed, or refused with FORBIDDEN (the role may not) or NOT_A_PARTICIPANT (not the caller's, and the caller has no part in
/// it). The grains work out the relation and call <see cref="Demand"/>; the edge's role checks before a grain call
/// (<see cref="MayEver"/>) read the same table; docs/protocol.md's "Permissions" section is generated from it
/// (<see cref="AccessPolicyMarkdown"/>) and checked by a test. Every cell a caller can be in has exactly one row; anything
/// else is refused.
/// </summary>
public static class AccessPolicy
{
    private static readonly UserRole[] Everyone = Enum.GetValues<UserRole>();
    private static readonly UserRole[] SupportStaff = [UserRole.Staff, UserRole.Admin];
    private static readonly UserRole[] BackOffice = [UserRole.Staff, UserRole.Admin, UserRole.Operator, UserRole.System];
    private static readonly UserRole[] FieldUsers = [UserRole.Rider, UserRole.Driver, UserRole.Regulator];
    private static readonly Relation[] AnyRelation = Enum.GetValues<Relation>();

    private static readonly FrozenDictionary<PlatformAction, (ResourceKind Kind, string Verb)> Info = new Dictionary<PlatformAction, (ResourceKind, string)>
    {
        [PlatformAction.RequestRide] = (ResourceKind.Platform, "request rides"),
        [PlatformAction.ViewRide] = (ResourceKind.Ride, "view this ride"),
        [PlatformAction.AcceptRide] = (ResourceKind.Ride, "accept rides"),
        [PlatformAction.DeclineRide] = (ResourceKind.Ride, "decline rides"),
        [PlatformAction.MarkArrived] = (ResourceKind.Ride, "report arrival for this ride"),
        [PlatformAction.StartRide] = (ResourceKind.Ride, "start this ride"),
        [PlatformAction.CompleteRide] = (ResourceKind.Ride, "complete this ride"),
        [PlatformAction.CancelRide] = (ResourceKind.Ride, "cancel rides"),
        [PlatformAction.RateDriver] = (ResourceKind.Ride, "rate the driver"),
        [PlatformAction.RateRider] = (ResourceKind.Ride, "rate the rider"),
        [PlatformAction.PayRide] = (ResourceKind.Ride, "pay for this ride"),
        [PlatformAction.FollowDriverLocation] = (ResourceKind.Ride, "follow the driver's location"),
        [PlatformAction.ReadRideChat] = (ResourceKind.Ride, "read this ride's chat"),
        [PlatformAction.WriteRideChat] = (ResourceKind.Ride, "write in a ride's chat"),
        [PlatformAction.MarkRideChatRead] = (ResourceKind.Ride, "mark messages read in a ride's chat"),
        [PlatformAction.GoOnline] = (ResourceKind.Driver, "act as this driver"),
        [PlatformAction.GoOffline] = (ResourceKind.Driver, "act as this driver"),
        [PlatformAction.UpdateLocation] = (ResourceKind.Driver, "act as this driver"),
        [PlatformAction.ViewDriver] = (ResourceKind.Driver, "view this driver"),
        [PlatformAction.ViewDriverHistory] = (ResourceKind.Driver, "view this driver's rides"),
        [PlatformAction.UpdateDriverProfile] = (ResourceKind.Driver, "change this driver's profile"),
        [PlatformAction.ViewRider] = (ResourceKind.Rider, "view this rider"),
        [PlatformAction.ViewRiderHistory] = (ResourceKind.Rider, "view this rider's rides"),
        [PlatformAction.UpdateRiderProfile] = (ResourceKind.Rider, "change this rider's profile"),
        [PlatformAction.OpenSupportConversation] = (ResourceKind.Platform, "open support conversations"),
        [PlatformAction.ReadSupportConversation] = (ResourceKind.SupportConversation, "read this conversation"),
        [PlatformAction.JoinSupportConversation] = (ResourceKind.SupportConversation, "join this conversation"),
        [PlatformAction.WriteSupportConversation] = (ResourceKind.SupportConversation, "write in this conversation"),
        [PlatformAction.MarkSupportRead] = (ResourceKind.SupportConversation, "mark messages read in this conversation"),
        [PlatformAction.CloseSupportConversation] = (ResourceKind.SupportConversation, "close this conversation"),
        [PlatformAction.JoinSupportRoom] = (ResourceKind.Platform, "join support rooms"),
        [PlatformAction.ListSupportConversations] = (ResourceKind.User, "view this user's conversations"),
        [PlatformAction.JoinUserRoom] = (ResourceKind.User, "join this user's room"),
        [PlatformAction.ViewPlatformStats] = (ResourceKind.Platform, "view the platform's statistics"),
        [PlatformAction.FollowRiderBookings] = (ResourceKind.Platform, "listen to rider bookings"),
        [PlatformAction.FollowDriverBookings] = (ResourceKind.Platform, "listen to driver bookings"),
        [PlatformAction.FollowDriverOffers] = (ResourceKind.Platform, "listen to driver offers"),
    }.ToFrozenDictionary();

    /// <summary>The table, row by row. Read it as "for this action, these roles in these relations get this".</summary>
    public static IReadOnlyList<AccessRule> Rules { get; } =
    [
        // Rides. Back office (staff, admin, operator) and the platform itself see every ride; operators only look.
        .. Only(PlatformAction.RequestRide, [UserRole.Rider], "only riders request rides"),

        .. Viewers(PlatformAction.ViewRide),

        Row(PlatformAction.AcceptRide, [UserRole.Driver], [Relation.Assigned, Relation.Foreign], AccessDecision.Allow),
        Row(PlatformAction.AcceptRide, Except(UserRole.Driver), AnyRelation, AccessDecision.Forbidden("only drivers accept rides")),

        Row(PlatformAction.DeclineRide, [UserRole.Driver], [Relation.Assigned, Relation.Foreign], AccessDecision.Allow),
        Row(PlatformAction.DeclineRide, Except(UserRole.Driver), AnyRelation, AccessDecision.Forbidden("only drivers decline rides")),

        .. AssignedDriverOnly(PlatformAction.MarkArrived),
        .. AssignedDriverOnly(PlatformAction.StartRide),
        .. AssignedDriverOnly(PlatformAction.CompleteRide),

        Row(PlatformAction.CancelRide, [UserRole.Rider], [Relation.Own], AccessDecision.Allow),
        Row(PlatformAction.CancelRide, [UserRole.Driver], [Relation.Assigned], AccessDecision.Allow),
        Row(PlatformAction.CancelRide, [UserRole.Staff, UserRole.Admin, UserRole.System], AnyRelation, AccessDecision.Allow),
        Row(PlatformAction.CancelRide, [UserRole.Operator], AnyRelation, AccessDecision.Forbidden("operators have read-only access")),
        Row(PlatformAction.CancelRide, FieldUsers, [Relation.Foreign], AccessDecision.NotAParticipant),

        .. OnePartyOnly(PlatformAction.RateDriver, UserRole.Rider, Relation.Own),
        .. OnePartyOnly(PlatformAction.RateRider, UserRole.Driver, Relation.Assigned),
        .. OnePartyOnly(PlatformAction.PayRide, UserRole.Rider, Relation.Own),

        Row(PlatformAction.FollowDriverLocation, [UserRole.Rider], [Relation.Own], AccessDecision.Allow),
        Row(PlatformAction.FollowDriverLocation, BackOffice, AnyRelation, AccessDecision.Allow),
        Row(PlatformAction.FollowDriverLocation, [UserRole.Driver], [Relation.Assigned], AccessDecision.Forbidden("a driver's location goes to the ride's rider, never to drivers")),
        Row(PlatformAction.FollowDriverLocation, FieldUsers, [Relation.Foreign], AccessDecision.NotAParticipant),

        // Ride chat: the rider and the assigned driver talk; back office reads and may not write (docs/domain.md, issue 11).
        .. Viewers(PlatformAction.ReadRideChat),
        .. RideChatMembers(PlatformAction.WriteRideChat),
        .. RideChatMembers(PlatformAction.MarkRideChatRead),

        // Drivers and riders: themselves; back office reads; admins also edit driver profiles.
        .. SelfOnly(PlatformAction.GoOnline, UserRole.Driver, "only the driver itself may do this"),
        .. SelfOnly(PlatformAction.GoOffline, UserRole.Driver, "only the driver itself may do this"),
        .. SelfOnly(PlatformAction.UpdateLocation, UserRole.Driver, "only the driver itself may do this"),
        .. SelfOrBackOffice(PlatformAction.ViewDriver, UserRole.Driver),
        .. SelfOrBackOffice(PlatformAction.ViewDriverHistory, UserRole.Driver),
        Row(PlatformAction.UpdateDriverProfile, [UserRole.Driver], [Relation.Own], AccessDecision.Allow),
        Row(PlatformAction.UpdateDriverProfile, [UserRole.Admin], AnyRelation, AccessDecision.Allow),
        Row(PlatformAction.UpdateDriverProfile, [UserRole.Driver], [Relation.Foreign], AccessDecision.Forbidden()),
        Row(PlatformAction.UpdateDriverProfile, Except(UserRole.Driver, UserRole.Admin), AnyRelation, AccessDecision.Forbidden()),
        .. SelfOrBackOffice(PlatformAction.ViewRider, UserRole.Rider),
        .. SelfOrBackOffice(PlatformAction.ViewRiderHistory, UserRole.Rider),
        .. SelfOnly(PlatformAction.UpdateRiderProfile, UserRole.Rider, null),

        // Support (seed 003): field users (riders, drivers, queue regulators) open conversations; staff and admins answer.
        .. Only(PlatformAction.OpenSupportConversation, FieldUsers, "only riders, drivers and queue regulators open support conversations"),
        .. SupportReaders(PlatformAction.ReadSupportConversation),
        .. SupportReaders(PlatformAction.JoinSupportConversation),
        .. SupportWriters(PlatformAction.WriteSupportConversation),
        .. SupportWriters(PlatformAction.MarkSupportRead),
        Row(PlatformAction.CloseSupportConversation, FieldUsers, [Relation.Own], AccessDecision.Allow),
        Row(PlatformAction.CloseSupportConversation, SupportStaff, AnyRelation, AccessDecision.Allow),
        Row(PlatformAction.CloseSupportConversation, [.. FieldUsers, UserRole.Operator, UserRole.System], [Relation.Foreign], AccessDecision.NotAParticipant),
        .. Only(PlatformAction.JoinSupportRoom, SupportStaff, "only staff and admins join support rooms"),
        .. UserOrAdmin(PlatformAction.ListSupportConversations),
        .. UserOrAdmin(PlatformAction.JoinUserRoom),

        // The edge's own resources.
        .. Only(PlatformAction.ViewPlatformStats, [UserRole.Staff, UserRole.Admin, UserRole.Operator], "only staff, admins and operators see the statistics"),
        .. Only(PlatformAction.FollowRiderBookings, [UserRole.Rider], "this endpoint is for rider tokens only"),
        .. Only(PlatformAction.FollowDriverBookings, [UserRole.Driver], "this endpoint is for driver tokens only"),
        .. Only(PlatformAction.FollowDriverOffers, [UserRole.Driver], "this endpoint is for driver tokens only"),
    ];

    private static readonly FrozenDictionary<(PlatformAction, UserRole, Relation), AccessDecision> Cells = BuildCells();

    /// <summary>What <paramref name="action"/> touches.</summary>
    public static ResourceKind ResourceOf(PlatformAction action) => Info[action].Kind;

    /// <summary>The words for <paramref name="action"/> in a refusal: "You are not allowed to {verb}."</summary>
    public static string VerbOf(PlatformAction action) => Info[action].Verb;

    /// <summary>The relations a caller of <paramref name="role"/> can have to a resource of <paramref name="kind"/>: the cells of the table.</summary>
    public static IReadOnlyList<Relation> RelationsOf(ResourceKind kind, UserRole role) => kind switch
    {
        ResourceKind.Platform => [Relation.None],
        ResourceKind.Ride => role switch
        {
            UserRole.Rider => [Relation.Own, Relation.Foreign],
            UserRole.Driver => [Relation.Assigned, Relation.Foreign],
            _ => [Relation.Foreign],
        },
        ResourceKind.Driver => role == UserRole.Driver ? [Relation.Own, Relation.Foreign] : [Relation.Foreign],
        ResourceKind.Rider => role == UserRole.Rider ? [Relation.Own, Relation.Foreign] : [Relation.Foreign],
        ResourceKind.SupportConversation => role switch
        {
            // Only staff and admins join a conversation they did not open, so a field user in one is its creator.
            UserRole.Rider or UserRole.Driver or UserRole.Regulator => [Relation.Own, Relation.Foreign],
            UserRole.Staff or UserRole.Admin => [Relation.Participant, Relation.Foreign],
            _ => [Relation.Foreign],
        },
        ResourceKind.User => [Relation.Own, Relation.Foreign],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The cell for a caller of <paramref name="role"/> in <paramref name="relation"/> doing <paramref name="action"/>; a cell without a row is refused.</summary>
    public static AccessDecision Decide(PlatformAction action, UserRole role, Relation relation) =>
        Cells.TryGetValue((action, role, relation), out var decision) ? decision : AccessDecision.Forbidden("no rule allows this");

    /// <summary>Throws the refusal of <see cref="Decide"/> as a <see cref="RidesException"/> (FORBIDDEN or NOT_A_PARTICIPANT); returns when allowed.</summary>
    /// <param name="action">The action.</param>
    /// <param name="role">The caller's role.</param>
    /// <param name="relation">The caller's relation to the resource.</param>
    /// <param name="detail">A detail to send instead of the row's reason (e.g. which resource).</param>
    public static void Demand(PlatformAction action, UserRole role, Relation relation, string? detail = null)
    {
        var decision = Decide(action, role, relation);
        if (decision.IsAllowed)
        {
            return;
        }

        throw decision.Code == ErrorCodes.NotAParticipant
            ? new RidesException(ErrorCodes.NotAParticipant, $"You are not a participant of this {NounOf(ResourceOf(action))}.", detail)
            : new RidesException(decision.Code!, $"You are not allowed to {VerbOf(action)}.", detail ?? decision.Reason);
    }

    /// <summary>Whether a caller of <paramref name="role"/> is allowed <paramref name="action"/> in at least one relation (the edge's check before a grain call).</summary>
    public static bool MayEver(PlatformAction action, UserRole role) =>
        RelationsOf(ResourceOf(action), role).Any(relation => Decide(action, role, relation).IsAllowed);

    /// <summary>The roles that may do <paramref name="action"/> in at least one relation, in the enum's order.</summary>
    public static IReadOnlyList<UserRole> AllowedRoles(PlatformAction action) => [.. Everyone.Where(role => MayEver(action, role))];

    /// <summary>The caller's relation to a ride of <paramref name="riderId"/> assigned to <paramref name="driverId"/> (if any).</summary>
    public static Relation RelationToRide(Caller caller, string riderId, string? driverId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.Role switch
        {
            UserRole.Rider when caller.UserId == riderId => Relation.Own,
            UserRole.Driver when driverId is not null && caller.UserId == driverId => Relation.Assigned,
            _ => Relation.Foreign,
        };
    }

    /// <summary>The caller's relation to the driver or rider grain of <paramref name="userId"/> (own only in that role).</summary>
    public static Relation RelationToAccount(Caller caller, UserRole accountRole, string userId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.Role == accountRole && caller.UserId == userId ? Relation.Own : Relation.Foreign;
    }

    /// <summary>The caller's relation to something of the user <paramref name="userId"/> (an inbox, a user room): own by user id, whatever the role.</summary>
    public static Relation RelationToUser(Caller caller, string userId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.UserId == userId ? Relation.Own : Relation.Foreign;
    }

    /// <summary>The caller's relation to a support conversation: its creator is own, another participant participant.</summary>
    public static Relation RelationToConversation(bool isParticipant, bool isCreator) =>
        !isParticipant ? Relation.Foreign : isCreator ? Relation.Own : Relation.Participant;

    /// <summary>The noun of a refusal's "You are not a participant of this …".</summary>
    public static string NounOf(ResourceKind kind) => kind switch
    {
        ResourceKind.SupportConversation => "conversation",
        ResourceKind.Ride => "ride",
        _ => "resource",
    };

    private static FrozenDictionary<(PlatformAction, UserRole, Relation), AccessDecision> BuildCells()
    {
        var cells = new Dictionary<(PlatformAction, UserRole, Relation), AccessDecision>();
        foreach (var rule in Rules)
        {
            foreach (var role in rule.Roles)
            {
                // A row speaks only for the cells a caller can be in; AnyRelation means all of those.
                foreach (var relation in rule.Relations.Intersect(RelationsOf(ResourceOf(rule.Action), role)))
                {
                    // The first row of a cell wins; the table's tests make sure there is only one.
                    cells.TryAdd((rule.Action, role, relation), rule.Decision);
                }
            }
        }

        return cells.ToFrozenDictionary();
    }

    private static AccessRule Row(PlatformAction action, UserRole[] roles, Relation[] relations, AccessDecision decision) =>
        new(action, roles, relations, decision);

    private static UserRole[] Except(params UserRole[] roles) => [.. Everyone.Except(roles)];

    private static AccessRule[] Only(PlatformAction action, UserRole[] roles, string reason) =>
    [
        Row(action, roles, AnyRelation, AccessDecision.Allow),
        Row(action, Except(roles), AnyRelation, AccessDecision.Forbidden(reason)),
    ];

    private static AccessRule[] Viewers(PlatformAction action) =>
    [
        Row(action, [UserRole.Rider], [Relation.Own], AccessDecision.Allow),
        Row(action, [UserRole.Driver], [Relation.Assigned], AccessDecision.Allow),
        Row(action, BackOffice, AnyRelation, AccessDecision.Allow),
        Row(action, FieldUsers, [Relation.Foreign], AccessDecision.NotAParticipant),
    ];

    private static AccessRule[] AssignedDriverOnly(PlatformAction action) =>
    [
        Row(action, [UserRole.Driver], [Relation.Assigned], AccessDecision.Allow),
        Row(action, [UserRole.System], AnyRelation, AccessDecision.Allow),
        Row(action, FieldUsers, [Relation.Foreign], AccessDecision.NotAParticipant),
        Row(action, [UserRole.Rider], [Relation.Own], AccessDecision.Forbidden("only the assigned driver may do this")),
        Row(action, [UserRole.Staff, UserRole.Admin, UserRole.Operator], AnyRelation, AccessDecision.Forbidden("only the assigned driver may do this")),
    ];

    private static AccessRule[] OnePartyOnly(PlatformAction action, UserRole role, Relation relation) =>
    [
        Row(action, [role], [relation], AccessDecision.Allow),
        Row(action, FieldUsers, [Relation.Foreign], AccessDecision.NotAParticipant),
        Row(action, [role == UserRole.Rider ? UserRole.Driver : UserRole.Rider], [role == UserRole.Rider ? Relation.Assigned : Relation.Own], AccessDecision.Forbidden()),
        Row(action, BackOffice, AnyRelation, AccessDecision.Forbidden()),
    ];

    private static AccessRule[] RideChatMembers(PlatformAction action) =>
    [
        Row(action, [UserRole.Rider], [Relation.Own], AccessDecision.Allow),
        Row(action, [UserRole.Driver], [Relation.Assigned], AccessDecision.Allow),
        Row(action, BackOffice, AnyRelation, AccessDecision.Forbidden("staff and operators may read ride chats only")),
        Row(action, FieldUsers, [Relation.Foreign], AccessDecision.NotAParticipant),
    ];

    private static AccessRule[] SelfOnly(PlatformAction action, UserRole role, string? reason) =>
    [
        Row(action, [role], [Relation.Own], AccessDecision.Allow),
        Row(action, [role], [Relation.Foreign], AccessDecision.Forbidden(reason)),
        Row(action, Except(role), AnyRelation, AccessDecision.Forbidden(reason)),
    ];

    private static AccessRule[] SelfOrBackOffice(PlatformAction action, UserRole role) =>
    [
        Row(action, [role], [Relation.Own], AccessDecision.Allow),
        Row(action, BackOffice, AnyRelation, AccessDecision.Allow),
        Row(action, [role], [Relation.Foreign], AccessDecision.Forbidden()),
        Row(action, [.. FieldUsers.Except([role])], AnyRelation, AccessDecision.Forbidden()),
    ];

    private static AccessRule[] SupportReaders(PlatformAction action) =>
    [
        Row(action, FieldUsers, [Relation.Own], AccessDecision.Allow),
        Row(action, SupportStaff, AnyRelation, AccessDecision.Allow),
        Row(action, [.. FieldUsers, UserRole.Operator, UserRole.System], [Relation.Foreign], AccessDecision.NotAParticipant),
    ];

    private static AccessRule[] SupportWriters(PlatformAction action) =>
    [
        Row(action, FieldUsers, [Relation.Own], AccessDecision.Allow),
        Row(action, SupportStaff, [Relation.Participant], AccessDecision.Allow),
        Row(action, Everyone, [Relation.Foreign], AccessDecision.NotAParticipant),
    ];

    private static AccessRule[] UserOrAdmin(PlatformAction action) =>
    [
        Row(action, Everyone, [Relation.Own], AccessDecision.Allow),
        Row(action, [UserRole.Admin], [Relation.Foreign], AccessDecision.Allow),
        Row(action, Except(UserRole.Admin), [Relation.Foreign], AccessDecision.Forbidden()),
    ];
}
