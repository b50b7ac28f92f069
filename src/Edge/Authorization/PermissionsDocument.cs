using System.Text;
using Rides.Grains;
using Rides.Grains.Authorization;

namespace Rides.Edge.Authorization;

/// <summary>
/// docs/protocol.md's permission text, generated from the <see cref="AccessPolicy"/> and <see cref="ProtocolActions"/>: the
/// "who" cell of every method, endpoint and frame row, and the "Permissions" section between its markers. A test keeps the
/// document equal to this and prints the text to paste when it is not.
/// </summary>
public static class PermissionsDocument
{
    /// <summary>The line before the generated section.</summary>
    public const string BeginMarker = "<!-- permissions:begin (generated from AccessPolicy by PermissionsDocument; do not edit by hand) -->";

    /// <summary>The line after the generated section.</summary>
    public const string EndMarker = "<!-- permissions:end -->";

    private static readonly (string Mark, UserRole[] Roles)[] RoleMarks =
    [
        ("R", [UserRole.Rider]),
        ("D", [UserRole.Driver]),
        ("S", [UserRole.Staff, UserRole.Admin]),
        ("O", [UserRole.Operator]),
        ("Q", [UserRole.Regulator]),
    ];

    /// <summary>
    /// The "who" cell of <paramref name="entry"/>: the roles that may call it (R rider, D driver, S staff and admin — A
    /// admin alone where they differ —, O operator, Q regulator; <c>any</c> for all), each followed by the relations it
    /// is limited to when not all of them; one group per action (<c>ride:</c>, <c>conversation:</c>) when there are two.
    /// </summary>
    public static string Who(ProtocolEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Actions.Count == 0)
        {
            return "any";
        }

        var groups = entry.Actions.Select(action =>
        {
            var terms = Terms(entry, action);
            var text = terms.Count == RoleMarks.Length && terms.All(t => t.Length == 1) ? "any" : string.Join(", ", terms);
            return entry.Actions.Count > 1 ? $"{Label(AccessPolicy.ResourceOf(action))}: {text}" : text;
        });
        return string.Join("; ", groups);
    }

    /// <summary>The generated section, markers excluded: the legend, the table, and what each entry asks for.</summary>
    public static string Render()
    {
        var text = new StringBuilder();
        text.Append("The table below is `AccessPolicy` (`src/Grains.Abstractions/Authorization/AccessPolicy.cs`), the only place that\n")
            .Append("decides who may do what; the grains consult it and the edge's role checks read it. A cell is the decision for a caller\n")
            .Append("of the column's role by its relation to the resource — **own** (its ride as the rider, its profile, the conversation\n")
            .Append("it opened, its inbox), **assigned** (the ride's driver), **participant** (staff or an admin who joined the conversation),\n")
            .Append("**foreign** (someone else's) — or for actions on no one's resource (—) one mark: ✓ allowed, **F** `FORBIDDEN`,\n")
            .Append("**P** `NOT_A_PARTICIPANT`. Allowed means the resource's own rules still apply (status, offers, limits). A resource\n")
            .Append("that does not exist answers its not-found code (`RIDE_NOT_FOUND`, `CONVERSATION_NOT_FOUND`) to every role the\n")
            .Append("edge lets through; a call without a valid token answers 401 `UNAUTHENTICATED` (seed 004: close 1008) everywhere\n")
            .Append("except the public endpoints (`POST /api/v1/auth/token`, health, OpenAPI). `system` is the platform itself (timers,\n")
            .Append("dispatch), never a token's role.\n\n")
            .Append(AccessPolicyMarkdown.Render())
            .Append("\nWhat each method, endpoint and frame asks for (its \"who\" in the tables above is generated from this):\n\n")
            .Append("| surface | call | actions | who |\n| --- | --- | --- | --- |\n");
        foreach (var entry in ProtocolActions.All)
        {
            var actions = entry.Actions.Count == 0 ? "—" : string.Join(", ", entry.Actions.Select(a => $"`{a}`"));
            var limits = (entry.Fixed is { } r ? $" (always {AccessPolicyMarkdown.RelationName(r)})" : string.Empty)
                + (entry.Gate is { } g ? $" ({string.Join(", ", g.Select(UserRoleNames.ToWire))} only)" : string.Empty);
            text.Append($"| {entry.Surface} | `{entry.Name}` | {actions}{limits} | {Who(entry)} |\n");
        }

        return text.ToString();
    }

    private static List<string> Terms(ProtocolEntry entry, PlatformAction action)
    {
        var terms = new List<string>();
        foreach (var (mark, roles) in RoleMarks)
        {
            var allowed = roles.Select(role => Allowed(entry, action, role)).ToList();
            if (roles.Length == 2 && allowed[0] != allowed[1])
            {
                // Staff and admins differ here: each gets its own term.
                AddTerm(terms, "S", allowed[0]);
                AddTerm(terms, "A", allowed[1]);
            }
            else
            {
                AddTerm(terms, mark, allowed[0]);
            }
        }

        return terms;
    }

    private static void AddTerm(List<string> terms, string mark, string? relations)
    {
        if (relations is not null)
        {
            terms.Add(relations.Length == 0 ? mark : $"{mark} {relations}");
        }
    }

    // null: not allowed at all; "": allowed in every relation it can have; else the relations, "own/participant".
    private static string? Allowed(ProtocolEntry entry, PlatformAction action, UserRole role)
    {
        var relations = entry.RelationsOf(action, role);
        var allowed = relations.Where(r => entry.Decide(action, role, r).IsAllowed).ToList();
        return allowed.Count == 0 ? null
            : allowed.Count == relations.Count ? string.Empty
            : string.Join("/", allowed.Select(AccessPolicyMarkdown.RelationName));
    }

    private static string Label(ResourceKind kind) => kind switch
    {
        ResourceKind.Ride => "ride",
        ResourceKind.SupportConversation => "conversation",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
