using Rides.Grains.Authorization;
using Rides.Grains.Errors;

namespace Rides.Grains.Tests.Authorization;

/// <summary>The table itself: complete, without overlaps or dead rows, and holding the platform's rules written out here on their own.</summary>
public sealed class AccessPolicyTests
{
    private static readonly UserRole[] Roles = Enum.GetValues<UserRole>();

    public static TheoryData<PlatformAction, UserRole, Relation> EveryCell()
    {
        var data = new TheoryData<PlatformAction, UserRole, Relation>();
        foreach (var action in Enum.GetValues<PlatformAction>())
        {
            foreach (var role in Roles)
            {
                foreach (var relation in AccessPolicy.RelationsOf(AccessPolicy.ResourceOf(action), role))
                {
                    data.Add(action, role, relation);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryCell))]
    public void Every_cell_a_caller_can_be_in_has_exactly_one_row(PlatformAction action, UserRole role, Relation relation)
    {
        var rows = AccessPolicy.Rules.Where(r => r.Action == action && r.Roles.Contains(role) && r.Relations.Contains(relation)).ToList();
        Assert.Single(rows);
        Assert.Equal(rows[0].Decision, AccessPolicy.Decide(action, role, relation));
    }

    [Fact]
    public void Every_action_has_rows_for_every_role_and_a_resource_and_words()
    {
        foreach (var action in Enum.GetValues<PlatformAction>())
        {
            Assert.False(string.IsNullOrWhiteSpace(AccessPolicy.VerbOf(action)));
            foreach (var role in Roles)
            {
                Assert.Contains(AccessPolicy.Rules, r => r.Action == action && r.Roles.Contains(role));
            }
        }
    }

    [Fact]
    public void No_row_is_dead_or_repeats_a_role()
    {
        foreach (var rule in AccessPolicy.Rules)
        {
            var kind = AccessPolicy.ResourceOf(rule.Action);
            Assert.True(
                rule.Roles.Any(role => rule.Relations.Intersect(AccessPolicy.RelationsOf(kind, role)).Any()),
                $"The row {rule.Action} {string.Join(",", rule.Roles)} × {string.Join(",", rule.Relations)} speaks for no cell a caller can be in.");
            Assert.Equal(rule.Roles.Count, rule.Roles.Distinct().Count());
            Assert.Equal(rule.Relations.Count, rule.Relations.Distinct().Count());
        }
    }

    [Fact]
    public void Refusals_are_forbidden_or_not_a_participant()
    {
        foreach (var rule in AccessPolicy.Rules.Where(r => !r.Decision.IsAllowed))
        {
            Assert.Contains(rule.Decision.Code, new[] { ErrorCodes.Forbidden, ErrorCodes.NotAParticipant });
        }
    }

    [Fact]
    public void Every_action_is_allowed_to_someone()
    {
        foreach (var action in Enum.GetValues<PlatformAction>())
        {
            Assert.NotEmpty(AccessPolicy.AllowedRoles(action));
        }
    }

    [Fact]
    public void A_cell_no_caller_can_be_in_is_refused()
    {
        // Staff never own a ride: no row speaks for it, so it is refused rather than guessed.
        Assert.Equal(ErrorCodes.Forbidden, AccessPolicy.Decide(PlatformAction.ViewRide, UserRole.Staff, Relation.Own).Code);
    }

    [Fact]
    public void Demand_throws_the_cells_code_with_a_human_message()
    {
        var forbidden = Assert.Throws<RidesException>(() => AccessPolicy.Demand(PlatformAction.WriteRideChat, UserRole.Staff, Relation.Foreign));
        Assert.Equal(ErrorCodes.Forbidden, forbidden.Code);
        Assert.Equal("You are not allowed to write in a ride's chat.", forbidden.Message);
        Assert.Equal("staff and operators may read ride chats only", forbidden.Detail);

        var stranger = Assert.Throws<RidesException>(() => AccessPolicy.Demand(PlatformAction.ViewRide, UserRole.Rider, Relation.Foreign));
        Assert.Equal(ErrorCodes.NotAParticipant, stranger.Code);
        Assert.Equal("You are not a participant of this ride.", stranger.Message);

        AccessPolicy.Demand(PlatformAction.ViewRide, UserRole.Operator, Relation.Foreign);
    }

    // The decisions issue 11 found the documents disagreeing on, and the regulator's rights, written out on their own.
    [Theory]
    [InlineData(PlatformAction.WriteRideChat, UserRole.Staff, Relation.Foreign, ErrorCodes.Forbidden)]
    [InlineData(PlatformAction.WriteRideChat, UserRole.Admin, Relation.Foreign, ErrorCodes.Forbidden)]
    [InlineData(PlatformAction.WriteRideChat, UserRole.Operator, Relation.Foreign, ErrorCodes.Forbidden)]
    [InlineData(PlatformAction.ReadRideChat, UserRole.Staff, Relation.Foreign, null)]
    [InlineData(PlatformAction.ViewRide, UserRole.Operator, Relation.Foreign, null)]
    [InlineData(PlatformAction.ReadRideChat, UserRole.Operator, Relation.Foreign, null)]
    [InlineData(PlatformAction.CancelRide, UserRole.Operator, Relation.Foreign, ErrorCodes.Forbidden)]
    [InlineData(PlatformAction.CancelRide, UserRole.Staff, Relation.Foreign, null)]
    [InlineData(PlatformAction.ViewRide, UserRole.Regulator, Relation.Foreign, ErrorCodes.NotAParticipant)]
    [InlineData(PlatformAction.RequestRide, UserRole.Regulator, Relation.None, ErrorCodes.Forbidden)]
    [InlineData(PlatformAction.AcceptRide, UserRole.Regulator, Relation.Foreign, ErrorCodes.Forbidden)]
    [InlineData(PlatformAction.JoinSupportRoom, UserRole.Regulator, Relation.None, ErrorCodes.Forbidden)]
    [InlineData(PlatformAction.OpenSupportConversation, UserRole.Regulator, Relation.None, null)]
    [InlineData(PlatformAction.WriteSupportConversation, UserRole.Regulator, Relation.Own, null)]
    [InlineData(PlatformAction.WriteSupportConversation, UserRole.Regulator, Relation.Foreign, ErrorCodes.NotAParticipant)]
    [InlineData(PlatformAction.FollowRiderBookings, UserRole.Regulator, Relation.None, ErrorCodes.Forbidden)]
    [InlineData(PlatformAction.FollowDriverOffers, UserRole.Regulator, Relation.None, ErrorCodes.Forbidden)]
    [InlineData(PlatformAction.OpenSupportConversation, UserRole.Staff, Relation.None, ErrorCodes.Forbidden)]
    [InlineData(PlatformAction.WriteSupportConversation, UserRole.Staff, Relation.Participant, null)]
    [InlineData(PlatformAction.WriteSupportConversation, UserRole.Staff, Relation.Foreign, ErrorCodes.NotAParticipant)]
    [InlineData(PlatformAction.CloseSupportConversation, UserRole.Driver, Relation.Foreign, ErrorCodes.NotAParticipant)]
    [InlineData(PlatformAction.CloseSupportConversation, UserRole.Staff, Relation.Foreign, null)]
    [InlineData(PlatformAction.FollowDriverLocation, UserRole.Driver, Relation.Assigned, ErrorCodes.Forbidden)]
    [InlineData(PlatformAction.MarkArrived, UserRole.Rider, Relation.Own, ErrorCodes.Forbidden)]
    [InlineData(PlatformAction.MarkArrived, UserRole.Driver, Relation.Foreign, ErrorCodes.NotAParticipant)]
    [InlineData(PlatformAction.RateDriver, UserRole.Driver, Relation.Assigned, ErrorCodes.Forbidden)]
    public void The_decided_cells_hold(PlatformAction action, UserRole role, Relation relation, string? code)
    {
        var decision = AccessPolicy.Decide(action, role, relation);
        Assert.Equal(code is null, decision.IsAllowed);
        Assert.Equal(code, decision.Code);
    }

    [Fact]
    public void Operators_only_look()
    {
        PlatformAction[] reads =
        [
            PlatformAction.ViewRide, PlatformAction.FollowDriverLocation, PlatformAction.ReadRideChat, PlatformAction.ViewDriver,
            PlatformAction.ViewDriverHistory, PlatformAction.ViewRider, PlatformAction.ViewRiderHistory, PlatformAction.ListSupportConversations,
            PlatformAction.JoinUserRoom, PlatformAction.ViewPlatformStats,
        ];
        Assert.Empty(Enum.GetValues<PlatformAction>().Where(a => AccessPolicy.MayEver(a, UserRole.Operator)).Except(reads));
    }

    [Fact]
    public void Regulators_have_support_rights_only()
    {
        PlatformAction[] support =
        [
            PlatformAction.OpenSupportConversation, PlatformAction.ReadSupportConversation, PlatformAction.JoinSupportConversation,
            PlatformAction.WriteSupportConversation, PlatformAction.MarkSupportRead, PlatformAction.CloseSupportConversation,
            PlatformAction.ListSupportConversations, PlatformAction.JoinUserRoom,
        ];
        Assert.Equal(support.Order(), Enum.GetValues<PlatformAction>().Where(a => AccessPolicy.MayEver(a, UserRole.Regulator)).Order());
    }

    [Fact]
    public void Field_users_touch_nothing_foreign_but_the_offers_drivers_answer()
    {
        foreach (var action in Enum.GetValues<PlatformAction>())
        {
            foreach (var role in new[] { UserRole.Rider, UserRole.Driver, UserRole.Regulator })
            {
                if (AccessPolicy.RelationsOf(AccessPolicy.ResourceOf(action), role).Contains(Relation.Foreign)
                    && AccessPolicy.Decide(action, role, Relation.Foreign).IsAllowed)
                {
                    Assert.True(role == UserRole.Driver && action is PlatformAction.AcceptRide or PlatformAction.DeclineRide, $"{role} may {action} a foreign resource");
                }
            }
        }
    }

    [Fact]
    public void The_rendered_table_has_a_row_per_action()
    {
        var lines = AccessPolicyMarkdown.Render().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Enum.GetValues<PlatformAction>().Length + 2, lines.Length);
        Assert.Contains("| `ViewRide` | ride | own ✓, foreign P | assigned ✓, foreign P | ✓ | ✓ | ✓ | P | ✓ |", lines);
    }
}
