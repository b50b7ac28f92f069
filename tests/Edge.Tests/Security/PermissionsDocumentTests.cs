using System.Text;
using System.Text.RegularExpressions;
using Rides.Edge.Authorization;
using Rides.Edge.Tests.Security.Matrix;
using Rides.Grains;
using Rides.Grains.Authorization;
using Xunit.Abstractions;

namespace Rides.Edge.Tests.Security;

/// <summary>docs/protocol.md says who may do what exactly as the <c>AccessPolicy</c> decides it: its "who" cells and its generated "Permissions" section.</summary>
public sealed partial class PermissionsDocumentTests(ITestOutputHelper output)
{
    private static readonly string ProtocolPath = Path.Combine(RepositoryPaths.Root, "docs", "protocol.md");

    [Fact]
    public void The_permissions_section_is_the_table_as_generated()
    {
        var text = File.ReadAllText(ProtocolPath).ReplaceLineEndings("\n");
        var begin = text.IndexOf(PermissionsDocument.BeginMarker, StringComparison.Ordinal);
        var end = text.IndexOf(PermissionsDocument.EndMarker, StringComparison.Ordinal);
        Assert.True(begin >= 0 && end > begin, "docs/protocol.md has no permissions markers");
        var current = text[(begin + PermissionsDocument.BeginMarker.Length)..end].Trim('\n');
        var expected = PermissionsDocument.Render().Trim('\n');
        if (current != expected)
        {
            // Also as a file, to paste without the test runner's indentation.
            var regenerated = Path.Combine(Path.GetTempPath(), "rides-permissions.md");
            File.WriteAllText(regenerated, expected + "\n");
            output.WriteLine($"docs/protocol.md's Permissions section is stale; between the markers it should read (also in {regenerated}):\n");
            output.WriteLine(expected);
        }

        Assert.True(current == expected, "docs/protocol.md's Permissions section differs from AccessPolicy: paste the text in the test output between its markers.\n\n" + expected);
    }

    [Fact]
    public void The_documented_table_reads_back_as_the_policy_cell_by_cell()
    {
        foreach (var action in Enum.GetValues<PlatformAction>())
        {
            foreach (var role in Enum.GetValues<UserRole>())
            {
                foreach (var relation in AccessPolicy.RelationsOf(AccessPolicy.ResourceOf(action), role))
                {
                    var documented = DocumentedPolicy.Decide(action, role, relation);
                    var decided = AccessPolicy.Decide(action, role, relation);
                    Assert.True(documented.IsAllowed == decided.IsAllowed && documented.Code == decided.Code, $"{action} for {role} ({relation}): the document says {documented}, the policy {decided}");
                }
            }
        }
    }

    [Fact]
    public void Every_who_cell_says_what_the_policy_decides()
    {
        var rows = WhoCells(File.ReadAllLines(ProtocolPath));
        var wrong = new StringBuilder();
        var missing = new List<string>();
        foreach (var entry in ProtocolActions.All.Where(e => e.Surface != "rest"))
        {
            if (!rows.ContainsKey((entry.Surface, entry.Name)))
            {
                missing.Add($"{entry.Surface} {entry.Name}");
            }
        }

        foreach (var ((surface, name), who) in rows)
        {
            var entry = ProtocolActions.All.SingleOrDefault(e => e.Surface == surface && e.Name == name);
            if (entry is null && surface == "rest" && who.StartsWith("anyone", StringComparison.Ordinal))
            {
                continue; // the public endpoints: no token, no decision
            }

            Assert.True(entry is not null, $"docs/protocol.md has a {surface} row `{name}` that ProtocolActions does not know");
            var expected = PermissionsDocument.Who(entry!);
            if (who != expected)
            {
                wrong.Append($"{surface} `{name}`: the document says \"{who}\", the policy \"{expected}\"\n");
            }
        }

        output.WriteLine(wrong.ToString());
        Assert.True(missing.Count == 0, "docs/protocol.md has no who cell for: " + string.Join(", ", missing));
        Assert.True(wrong.Length == 0, wrong.ToString());
    }

    /// <summary>(surface, name) → the who cell, from every table of docs/protocol.md that has a "who" column.</summary>
    private static Dictionary<(string, string), string> WhoCells(string[] lines)
    {
        var cells = new Dictionary<(string, string), string>();
        string? surface = null;
        var who = -1;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith('#'))
            {
                surface = SurfaceOf(line, surface);
                who = -1;
                continue;
            }

            if (!line.StartsWith('|') || surface is null)
            {
                who = line.StartsWith('|') ? who : -1;
                continue;
            }

            var columns = Cells(line);
            if (i + 1 < lines.Length && lines[i + 1].StartsWith("| ---", StringComparison.Ordinal))
            {
                who = columns.FindIndex(c => c.StartsWith("who", StringComparison.Ordinal));
                i++;
                continue;
            }

            if (who >= 0 && NameOf(surface, columns[0]) is { } name)
            {
                Assert.True(cells.TryAdd((surface, name), columns[who]), $"docs/protocol.md has two {surface} rows `{name}`");
            }
        }

        return cells;
    }

    private static string? SurfaceOf(string heading, string? current) => heading switch
    {
        _ when heading.StartsWith("## Hub methods", StringComparison.Ordinal) => "hub",
        _ when heading.StartsWith("## REST API", StringComparison.Ordinal) => "rest",
        _ when heading.StartsWith("### Seed 001", StringComparison.Ordinal) => "seed001",
        _ when heading.StartsWith("### Seed 002", StringComparison.Ordinal) => "seed002",
        _ when heading.StartsWith("### Seed 003", StringComparison.Ordinal) => "seed003",
        _ when heading.StartsWith("### Seed 004", StringComparison.Ordinal) => "seed004",
        _ when heading.StartsWith("## ", StringComparison.Ordinal) => null,
        _ when heading.StartsWith("### The common core", StringComparison.Ordinal) => null,
        _ => current,
    };

    private static string? NameOf(string surface, string first)
    {
        if (surface is "seed001" or "seed004")
        {
            var type = TypePattern().Match(first);
            if (!type.Success)
            {
                return null;
            }

            var room = RoomPattern().Match(first);
            return type.Groups[1].Value == "join" && room.Success ? $"join {room.Groups[1].Value}" : type.Groups[1].Value;
        }

        var code = CodePattern().Match(first);
        return code.Success ? code.Groups[1].Value : null;
    }

    private static List<string> Cells(string line) =>
        [.. CellSplit().Split(line.Trim().Trim('|')).Select(c => c.Trim())];

    [GeneratedRegex("\"type\": \"([a-z_]+)\"")]
    private static partial Regex TypePattern();

    [GeneratedRegex("\"room\": \"([a-z]+:ID)\"")]
    private static partial Regex RoomPattern();

    [GeneratedRegex("^`([^`]+)`")]
    private static partial Regex CodePattern();

    // Cells split at pipes that are not escaped (\|) in the Markdown.
    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex CellSplit();
}
