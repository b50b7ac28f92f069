using Rides.Edge.Authorization;
using Rides.Grains;
using Rides.Grains.Authorization;
using Rides.Grains.Errors;

namespace Rides.Edge.Tests.Security.Matrix;

/// <summary>What a cell of the matrix must answer: allowed (any answer but a refusal of authorization), or exactly one code.</summary>
/// <param name="Allowed">Whether the call is let through (the resource's own rules may still refuse it: status, offers, limits).</param>
/// <param name="Code">The code when refused (FORBIDDEN, NOT_A_PARTICIPANT, UNAUTHENTICATED) or not found.</param>
public sealed record MatrixExpectation(bool Allowed, string? Code)
{
    /// <summary>The codes an allowed call must never answer.</summary>
    public static IReadOnlyList<string> RefusalCodes { get; } = [ErrorCodes.Forbidden, ErrorCodes.NotAParticipant, "UNAUTHENTICATED", "INTERNAL_ERROR"];

    // The calls the edge refuses before asking a grain when the role may never do the action (CallerRoles.Require).
    private static readonly HashSet<(string, string)> RoleCheckedAtEdge =
    [
        ("hub", "go_online"), ("hub", "go_offline"), ("hub", "update_location"), ("hub", "accept_ride"), ("hub", "decline_ride"),
        ("hub", "driver_arrived"), ("hub", "start_ride"), ("hub", "complete_ride"), ("hub", "rate_rider"), ("hub", "request_ride"),
        ("hub", "rate_driver"), ("seed001", "driver_online"), ("seed001", "driver_offline"), ("seed001", "update_location"),
        ("seed001", "driver_arrived"),
    ];

    /// <summary>The expectation of <paramref name="entry"/> for <paramref name="role"/> on <paramref name="target"/>, from the documented table (<see cref="DocumentedPolicy"/>).</summary>
    public static MatrixExpectation For(ProtocolEntry entry, PlatformAction? action, string role, MatrixTarget target)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (role == MatrixRoles.Anonymous)
        {
            return new(false, "UNAUTHENTICATED");
        }

        if (action is not { } a)
        {
            return new(true, null);
        }

        var userRole = MatrixRoles.Parse(role);
        var kind = AccessPolicy.ResourceOf(a);
        if ((entry.Gate is { } gate && !gate.Contains(userRole))
            || (RoleCheckedAtEdge.Contains((entry.Surface, entry.Name)) && !DocumentedPolicy.MayEver(a, userRole)))
        {
            return new(false, ErrorCodes.Forbidden);
        }

        if (target == MatrixTarget.Missing && kind is ResourceKind.Ride or ResourceKind.SupportConversation)
        {
            return new(false, kind == ResourceKind.Ride ? ErrorCodes.RideNotFound : ErrorCodes.ConversationNotFound);
        }

        var decision = DocumentedPolicy.Decide(entry, a, userRole, RelationOf(kind, userRole, target, entry.Fixed));
        return new(decision.IsAllowed, decision.Code);
    }

    /// <summary>The caller's relation in a cell, worked out here from how the world was set up (not from the grains).</summary>
    public static Relation RelationOf(ResourceKind kind, UserRole role, MatrixTarget target, Relation? fixedRelation) => target switch
    {
        MatrixTarget.None => fixedRelation ?? Relation.None,
        MatrixTarget.Own => kind switch
        {
            ResourceKind.Ride => role == UserRole.Rider ? Relation.Own : Relation.Assigned,
            ResourceKind.SupportConversation => role is UserRole.Staff or UserRole.Admin ? Relation.Participant : Relation.Own,
            _ => Relation.Own,
        },
        _ => Relation.Foreign,
    };

    /// <summary>Whether the matrix's world can give <paramref name="role"/> a resource of <paramref name="kind"/> that is not foreign.</summary>
    public static bool HasOwn(ResourceKind kind, UserRole role) => kind switch
    {
        ResourceKind.Ride => role is UserRole.Rider or UserRole.Driver,
        ResourceKind.SupportConversation => role is not (UserRole.Operator or UserRole.System),
        _ => true,
    };

    /// <summary>Whether <paramref name="answer"/> is what this expectation allows.</summary>
    public bool IsMetBy(MatrixAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return Allowed ? answer.Ok || !RefusalCodes.Contains(answer.Code!) : !answer.Ok && answer.Code == Code;
    }

    /// <inheritdoc />
    public override string ToString() => Allowed ? "allowed" : Code!;
}
