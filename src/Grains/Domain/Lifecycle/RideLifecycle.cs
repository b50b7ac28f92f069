using Rides.Grains.Authorization;
using Rides.Grains.Errors;
using Rides.Grains.Rides;

namespace Rides.Grains.Domain.Lifecycle;

/// <summary>
/// Which status change leads where from which status; who may make it is the <see cref="AccessPolicy"/>'s
/// (consulted here, so tests can walk every combination without a runtime). Party is checked before
/// status, so a stranger learns nothing about a ride's status.
/// </summary>
public static class RideLifecycle
{
    /// <summary>How <paramref name="caller"/> relates to a ride of <paramref name="riderId"/> assigned to <paramref name="driverId"/>.</summary>
    public static RideParty PartyOf(Caller caller, string riderId, string? driverId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.Role switch
        {
            UserRole.Rider => caller.UserId == riderId ? RideParty.Rider : RideParty.Stranger,
            UserRole.Driver => driverId is not null && caller.UserId == driverId ? RideParty.AssignedDriver : RideParty.OtherDriver,
            UserRole.Staff or UserRole.Admin => RideParty.Staff,
            UserRole.Operator => RideParty.Operator,
            UserRole.System => RideParty.System,
            _ => RideParty.Stranger,
        };
    }

    /// <summary>Whether the party may read the ride, its events and its chat.</summary>
    public static bool CanView(RideParty party) =>
        AccessPolicy.Decide(PlatformAction.ViewRide, RoleOf(party), RelationOf(party)).IsAllowed;

    /// <summary>Throws NOT_A_PARTICIPANT unless the party may read the ride.</summary>
    public static void EnsureCanView(RideParty party)
    {
        AccessPolicy.Demand(PlatformAction.ViewRide, RoleOf(party), RelationOf(party));
    }

    /// <summary>
    /// The status <paramref name="action"/> by <paramref name="party"/> leads to from
    /// <paramref name="status"/>, or throws FORBIDDEN, NOT_A_PARTICIPANT, RIDE_ALREADY_ASSIGNED or
    /// INVALID_TRANSITION. (Whether the ride was offered to an accepting driver is dispatch's check.)
    /// </summary>
    public static RideStatus Next(RideStatus status, RideAction action, RideParty party)
    {
        EnsureParty(action, party);
        return action switch
        {
            RideAction.Accept => status switch
            {
                RideStatus.FindingDriver => RideStatus.ArrivingToPickup,
                RideStatus.ArrivingToPickup or RideStatus.DriverArrived or RideStatus.DrivingToDestination =>
                    throw new RidesException(ErrorCodes.RideAlreadyAssigned, "The ride has already been accepted by another driver."),
                _ => throw Invalid(status, action),
            },
            RideAction.MarkArrived => status == RideStatus.ArrivingToPickup ? RideStatus.DriverArrived : throw Invalid(status, action),
            RideAction.Start => status is RideStatus.ArrivingToPickup or RideStatus.DriverArrived
                ? RideStatus.DrivingToDestination
                : throw Invalid(status, action),
            RideAction.Complete => status == RideStatus.DrivingToDestination ? RideStatus.Completed : throw Invalid(status, action),
            RideAction.Cancel => !status.IsTerminal() ? RideStatus.Canceled : throw Invalid(status, action),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
        };
    }

    /// <summary>Whether <see cref="Next"/> would succeed.</summary>
    public static bool IsAllowed(RideStatus status, RideAction action, RideParty party)
    {
        try
        {
            Next(status, action, party);
            return true;
        }
        catch (RidesException)
        {
            return false;
        }
    }

    // The party is a role and a relation to the ride; the AccessPolicy decides (it is the only place that does).
    private static void EnsureParty(RideAction action, RideParty party) =>
        AccessPolicy.Demand(ActionOf(action), RoleOf(party), RelationOf(party));

    /// <summary>The <see cref="PlatformAction"/> a status change is.</summary>
    public static PlatformAction ActionOf(RideAction action) => action switch
    {
        RideAction.Accept => PlatformAction.AcceptRide,
        RideAction.MarkArrived => PlatformAction.MarkArrived,
        RideAction.Start => PlatformAction.StartRide,
        RideAction.Complete => PlatformAction.CompleteRide,
        RideAction.Cancel => PlatformAction.CancelRide,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    /// <summary>The role a party acts in (a stranger is a rider; staff stands for staff and admins, who are alike for rides).</summary>
    public static UserRole RoleOf(RideParty party) => party switch
    {
        RideParty.Rider or RideParty.Stranger => UserRole.Rider,
        RideParty.AssignedDriver or RideParty.OtherDriver => UserRole.Driver,
        RideParty.Staff => UserRole.Staff,
        RideParty.Operator => UserRole.Operator,
        RideParty.System => UserRole.System,
        _ => throw new ArgumentOutOfRangeException(nameof(party), party, null),
    };

    /// <summary>The party's <see cref="Relation"/> to the ride.</summary>
    public static Relation RelationOf(RideParty party) => party switch
    {
        RideParty.Rider => Relation.Own,
        RideParty.AssignedDriver => Relation.Assigned,
        _ => Relation.Foreign,
    };

    private static RidesException Invalid(RideStatus status, RideAction action) =>
        new(ErrorCodes.InvalidTransition, $"Cannot {Verb(action)} a ride that is {status.ToWire()}.", $"status: {status.ToWire()}");

    private static string Verb(RideAction action) => action switch
    {
        RideAction.Accept => "accept",
        RideAction.MarkArrived => "report arrival for",
        RideAction.Start => "start",
        RideAction.Complete => "complete",
        RideAction.Cancel => "cancel",
        _ => action.ToString(),
    };
}
