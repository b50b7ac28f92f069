using System.Text;

namespace Rides.Grains.Authorization;

/// <summary>
/// Renders the <see cref="AccessPolicy"/> as the Markdown table of docs/protocol.md's "Permissions" section (a test keeps
/// the document equal to it and prints this text when it is stale).
/// </summary>
public static class AccessPolicyMarkdown
{
    /// <summary>The roles in the order of the table's columns (<c>system</c>, never a token's role, last).</summary>
    public static IReadOnlyList<UserRole> Columns { get; } =
        [UserRole.Rider, UserRole.Driver, UserRole.Staff, UserRole.Admin, UserRole.Operator, UserRole.Regulator, UserRole.System];

    /// <summary>The table: one row per action, one column per role; a cell lists each relation's decision (one mark when they agree).</summary>
    public static string Render()
    {
        var text = new StringBuilder();
        text.Append("| action | resource |");
        foreach (var role in Columns)
        {
            text.Append(' ').Append(UserRoleNames.ToWire(role)).Append(" |");
        }

        text.Append('\n').Append("| --- | --- |");
        foreach (var _ in Columns)
        {
            text.Append(" --- |");
        }

        text.Append('\n');
        foreach (var action in Enum.GetValues<PlatformAction>())
        {
            var kind = AccessPolicy.ResourceOf(action);
            text.Append("| `").Append(action).Append("` | ").Append(ResourceName(kind)).Append(" |");
            foreach (var role in Columns)
            {
                text.Append(' ').Append(Cell(action, kind, role)).Append(" |");
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    /// <summary>A decision's mark: ✓ allowed, <c>F</c> FORBIDDEN, <c>P</c> NOT_A_PARTICIPANT.</summary>
    public static string Mark(AccessDecision decision) =>
        decision.IsAllowed ? "✓" : decision.Code == Errors.ErrorCodes.NotAParticipant ? "P" : "F";

    /// <summary>The lower-case word for a relation.</summary>
    public static string RelationName(Relation relation) => relation.ToString().ToLowerInvariant();

    private static string Cell(PlatformAction action, ResourceKind kind, UserRole role)
    {
        var relations = AccessPolicy.RelationsOf(kind, role);
        var marks = relations.Select(r => (Relation: r, Mark: Mark(AccessPolicy.Decide(action, role, r)))).ToList();
        return marks.Select(m => m.Mark).Distinct().Count() == 1
            ? marks[0].Mark
            : string.Join(", ", marks.Select(m => $"{RelationName(m.Relation)} {m.Mark}"));
    }

    private static string ResourceName(ResourceKind kind) => kind switch
    {
        ResourceKind.Platform => "—",
        ResourceKind.Ride => "ride",
        ResourceKind.Driver => "driver",
        ResourceKind.Rider => "rider",
        ResourceKind.SupportConversation => "conversation",
        ResourceKind.User => "user",
        _ => kind.ToString(),
    };
}
