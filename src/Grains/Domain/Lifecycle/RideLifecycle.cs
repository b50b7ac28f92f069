using Rides.Grains.Domain.Validation;
using Rides.Grains.Errors;
using Rides.Grains.Rides;

namespace Rides.Grains.Domain.Lifecycle;

/// <summary>
/// Who may do which status change in which status. The whole table lives here so that tests can
/// walk every combination without a runtime. Party is checked before status, so a stranger learns
/// nothing about a ride's status.
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
        party is RideParty.Rider or RideParty.AssignedDriver or RideParty.Staff or RideParty.Operator or RideParty.System;

    /// <summary>Throws NOT_A_PARTICIPANT unless the party may read the ride.</summary>
    public static void EnsureCanView(RideParty party)
    {
        if (!CanView(party))
        {
            throw DomainErrors.NotAParticipant("ride");
        }
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

    private static void EnsureParty(RideAction action, RideParty party)
    {
        switch (action)
        {
            case RideAction.Accept:
                if (party is RideParty.OtherDriver or RideParty.AssignedDriver)
                {
                    return;
                }

                throw DomainErrors.Forbidden("accept rides", "only drivers accept rides");

            case RideAction.MarkArrived or RideAction.Start or RideAction.Complete:
                switch (party)
                {
                    case RideParty.AssignedDriver or RideParty.System:
                        return;
                    case RideParty.OtherDriver or RideParty.Stranger:
                        throw DomainErrors.NotAParticipant("ride");
                    default:
                        throw DomainErrors.Forbidden(Verb(action), "only the assigned driver may do this");
                }

            case RideAction.Cancel:
                switch (party)
                {
                    case RideParty.Rider or RideParty.AssignedDriver or RideParty.Staff or RideParty.System:
                        return;
                    case RideParty.Operator:
                        throw DomainErrors.Forbidden("cancel rides", "operators have read-only access");
                    default:
                        throw DomainErrors.NotAParticipant("ride");
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, null);
        }
    }

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
