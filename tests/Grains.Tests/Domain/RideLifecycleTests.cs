using Rides.Grains.Domain.Lifecycle;
using Rides.Grains.Errors;
using Rides.Grains.Rides;

namespace Rides.Grains.Tests.Domain;

public sealed class RideLifecycleTests
{
    // The allowed table, written out independently of the implementation.
    private static readonly Dictionary<(RideStatus, RideAction, RideParty), RideStatus> Allowed = BuildAllowed();

    public static TheoryData<RideStatus, RideAction, RideParty> EveryCombination()
    {
        var data = new TheoryData<RideStatus, RideAction, RideParty>();
        foreach (var status in Enum.GetValues<RideStatus>())
        {
            foreach (var action in Enum.GetValues<RideAction>())
            {
                foreach (var party in Enum.GetValues<RideParty>())
                {
                    data.Add(status, action, party);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryCombination))]
    public void Every_action_by_every_party_in_every_status_is_allowed_or_refused_with_its_code(RideStatus status, RideAction action, RideParty party)
    {
        if (Allowed.TryGetValue((status, action, party), out var expected))
        {
            Assert.Equal(expected, RideLifecycle.Next(status, action, party));
            Assert.True(RideLifecycle.IsAllowed(status, action, party));
            return;
        }

        var ex = Assert.Throws<RidesException>(() => RideLifecycle.Next(status, action, party));
        Assert.Equal(ExpectedCode(status, action, party), ex.Code);
        Assert.False(RideLifecycle.IsAllowed(status, action, party));
    }

    [Fact]
    public void The_allowed_table_has_exactly_the_documented_transitions()
    {
        var count = 0;
        foreach (var status in Enum.GetValues<RideStatus>())
        {
            foreach (var action in Enum.GetValues<RideAction>())
            {
                foreach (var party in Enum.GetValues<RideParty>())
                {
                    count += RideLifecycle.IsAllowed(status, action, party) ? 1 : 0;
                }
            }
        }

        Assert.Equal(Allowed.Count, count);
        Assert.Equal(26, count);
    }

    [Fact]
    public void Accepting_an_assigned_ride_is_refused_as_already_assigned()
    {
        var ex = Assert.Throws<RidesException>(() => RideLifecycle.Next(RideStatus.ArrivingToPickup, RideAction.Accept, RideParty.OtherDriver));
        Assert.Equal(ErrorCodes.RideAlreadyAssigned, ex.Code);
    }

    [Fact]
    public void Completing_a_ride_that_has_not_started_names_its_status()
    {
        var ex = Assert.Throws<RidesException>(() => RideLifecycle.Next(RideStatus.DriverArrived, RideAction.Complete, RideParty.AssignedDriver));
        Assert.Equal(ErrorCodes.InvalidTransition, ex.Code);
        Assert.Equal("status: driverArrived", ex.Detail);
    }

    [Theory]
    [InlineData(UserRole.Rider, "r1", RideParty.Rider)]
    [InlineData(UserRole.Rider, "r2", RideParty.Stranger)]
    [InlineData(UserRole.Driver, "d1", RideParty.AssignedDriver)]
    [InlineData(UserRole.Driver, "d2", RideParty.OtherDriver)]
    [InlineData(UserRole.Staff, "s1", RideParty.Staff)]
    [InlineData(UserRole.Admin, "a1", RideParty.Staff)]
    [InlineData(UserRole.Operator, "o1", RideParty.Operator)]
    [InlineData(UserRole.System, "system", RideParty.System)]
    public void A_caller_is_classified_by_role_and_id(UserRole role, string userId, RideParty expected)
    {
        Assert.Equal(expected, RideLifecycle.PartyOf(new Caller(userId, role), "r1", "d1"));
    }

    [Fact]
    public void A_driver_is_never_the_assigned_driver_of_an_unassigned_ride()
    {
        Assert.Equal(RideParty.OtherDriver, RideLifecycle.PartyOf(Caller.Driver("d1"), "r1", null));
    }

    [Theory]
    [InlineData(RideParty.Rider, true)]
    [InlineData(RideParty.AssignedDriver, true)]
    [InlineData(RideParty.Staff, true)]
    [InlineData(RideParty.Operator, true)]
    [InlineData(RideParty.System, true)]
    [InlineData(RideParty.OtherDriver, false)]
    [InlineData(RideParty.Stranger, false)]
    public void Only_participants_and_privileged_roles_may_view_a_ride(RideParty party, bool expected)
    {
        Assert.Equal(expected, RideLifecycle.CanView(party));
    }

    private static string ExpectedCode(RideStatus status, RideAction action, RideParty party)
    {
        var partyCode = action switch
        {
            RideAction.Accept => party is RideParty.OtherDriver or RideParty.AssignedDriver ? null : ErrorCodes.Forbidden,
            RideAction.Cancel => party switch
            {
                RideParty.Rider or RideParty.AssignedDriver or RideParty.Staff or RideParty.System => null,
                RideParty.Operator => ErrorCodes.Forbidden,
                _ => ErrorCodes.NotAParticipant,
            },
            _ => party switch
            {
                RideParty.AssignedDriver or RideParty.System => null,
                RideParty.OtherDriver or RideParty.Stranger => ErrorCodes.NotAParticipant,
                _ => ErrorCodes.Forbidden,
            },
        };
        if (partyCode is not null)
        {
            return partyCode;
        }

        return action == RideAction.Accept && status is RideStatus.ArrivingToPickup or RideStatus.DriverArrived or RideStatus.DrivingToDestination
            ? ErrorCodes.RideAlreadyAssigned
            : ErrorCodes.InvalidTransition;
    }

    private static Dictionary<(RideStatus, RideAction, RideParty), RideStatus> BuildAllowed()
    {
        var allowed = new Dictionary<(RideStatus, RideAction, RideParty), RideStatus>
        {
            [(RideStatus.FindingDriver, RideAction.Accept, RideParty.OtherDriver)] = RideStatus.ArrivingToPickup,
            [(RideStatus.FindingDriver, RideAction.Accept, RideParty.AssignedDriver)] = RideStatus.ArrivingToPickup,
        };
        foreach (var party in new[] { RideParty.AssignedDriver, RideParty.System })
        {
            allowed[(RideStatus.ArrivingToPickup, RideAction.MarkArrived, party)] = RideStatus.DriverArrived;
            allowed[(RideStatus.ArrivingToPickup, RideAction.Start, party)] = RideStatus.DrivingToDestination;
            allowed[(RideStatus.DriverArrived, RideAction.Start, party)] = RideStatus.DrivingToDestination;
            allowed[(RideStatus.DrivingToDestination, RideAction.Complete, party)] = RideStatus.Completed;
        }

        foreach (var status in new[] { RideStatus.FindingDriver, RideStatus.ArrivingToPickup, RideStatus.DriverArrived, RideStatus.DrivingToDestination })
        {
            foreach (var party in new[] { RideParty.Rider, RideParty.AssignedDriver, RideParty.Staff, RideParty.System })
            {
                allowed[(status, RideAction.Cancel, party)] = RideStatus.Canceled;
            }
        }

        return allowed;
    }
}
