using Rides.Edge.Authorization;
using Rides.Grains;
using Rides.Grains.Authorization;
using Rides.Grains.Errors;

namespace Rides.Edge.Tests.Security.Matrix;

/// <summary>
/// The permissions table as docs/protocol.md states it (its "Permissions" section), read back cell by cell. The matrix
/// takes its expectations from here rather than from <see cref="AccessPolicy"/>, which the grains consult: a wrong cell
/// in the table then shows as the server answering otherwise than the reviewed document (and the document test shows the
/// table and the document apart).
/// </summary>
public static class DocumentedPolicy
{
    private static readonly Lazy<Dictionary<(PlatformAction, UserRole, Relation), AccessDecision>> Cells = new(Read);

    /// <summary>The documented decision; a cell the document does not state is refused, as the table would.</summary>
    public static AccessDecision Decide(PlatformAction action, UserRole role, Relation relation) =>
        Cells.Value.TryGetValue((action, role, relation), out var decision) ? decision : AccessDecision.Forbidden();

    /// <summary>Whether the document allows <paramref name="role"/> the action in at least one relation.</summary>
    public static bool MayEver(PlatformAction action, UserRole role) =>
        AccessPolicy.RelationsOf(AccessPolicy.ResourceOf(action), role).Any(r => Decide(action, role, r).IsAllowed);

    /// <summary>The documented decision through <paramref name="entry"/>'s gate and fixed relation.</summary>
    public static AccessDecision Decide(ProtocolEntry entry, PlatformAction action, UserRole role, Relation relation)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Gate is { } gate && !gate.Contains(role) ? AccessDecision.Forbidden() : Decide(action, role, entry.Fixed ?? relation);
    }

    private static Dictionary<(PlatformAction, UserRole, Relation), AccessDecision> Read()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "docs", "protocol.md"));
        var begin = Array.FindIndex(lines, l => l == PermissionsDocument.BeginMarker);
        var header = Array.FindIndex(lines, begin, l => l.StartsWith("| action | resource |", StringComparison.Ordinal));
        Assert.True(begin >= 0 && header > begin, "docs/protocol.md has no permissions table");
        var roles = Split(lines[header]).Skip(2).Select(MatrixRoles.Parse).ToList();
        var cells = new Dictionary<(PlatformAction, UserRole, Relation), AccessDecision>();
        for (var i = header + 2; i < lines.Length && lines[i].StartsWith("| `", StringComparison.Ordinal); i++)
        {
            var columns = Split(lines[i]);
            var action = Enum.Parse<PlatformAction>(columns[0].Trim('`'));
            var kind = AccessPolicy.ResourceOf(action);
            for (var c = 0; c < roles.Count; c++)
            {
                var text = columns[c + 2];
                var parts = text.Contains(' ', StringComparison.Ordinal)
                    ? text.Split(", ").Select(p => p.Split(' ')).Select(p => (Relation: Enum.Parse<Relation>(p[0], ignoreCase: true), Mark: p[1]))
                    : AccessPolicy.RelationsOf(kind, roles[c]).Select(r => (Relation: r, Mark: text));
                foreach (var (relation, mark) in parts)
                {
                    cells[(action, roles[c], relation)] = mark switch
                    {
                        "✓" => AccessDecision.Allow,
                        "F" => AccessDecision.Forbidden(),
                        "P" => AccessDecision.NotAParticipant,
                        _ => throw new FormatException($"docs/protocol.md: '{mark}' in the {action} row is not ✓, F or P"),
                    };
                }
            }
        }

        return cells;
    }

    private static List<string> Split(string line) => [.. line.Trim().Trim('|').Split('|').Select(c => c.Trim())];
}
