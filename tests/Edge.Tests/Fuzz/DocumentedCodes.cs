using System.Text.RegularExpressions;

namespace Rides.Edge.Tests.Fuzz;

/// <summary>The error codes docs/protocol.md lists under "Error codes": what a client may be answered.</summary>
public static partial class DocumentedCodes
{
    /// <summary>Every documented code.</summary>
    public static IReadOnlySet<string> All { get; } = Read();

    /// <summary>The codes a refused malformed input may carry: every documented one but INTERNAL_ERROR.</summary>
    public static bool IsCleanRefusal(string? code) => code is not null && code != "INTERNAL_ERROR" && All.Contains(code);

    private static HashSet<string> Read()
    {
        var path = Path.Combine(RepositoryPaths.Root, "docs", "protocol.md");
        var text = File.ReadAllText(path);
        var start = text.IndexOf("\n## Error codes", StringComparison.Ordinal);
        Assert.True(start >= 0, $"{path} has no '## Error codes' section: the fuzz tests check answers against it.");
        var end = text.IndexOf("\n## ", start + 5, StringComparison.Ordinal);
        var section = end < 0 ? text[start..] : text[start..end];
        var codes = CodeRow().Matches(section).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        Assert.True(codes.Count > 10, $"The error-code table of {path} could not be read (found {codes.Count} codes).");
        return codes;
    }

    [GeneratedRegex(@"^\| `([A-Z_]+)` \|", RegexOptions.Multiline)]
    private static partial Regex CodeRow();
}
