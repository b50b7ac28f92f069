using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rides.LoadGen.Reporting;

/// <summary>Writes a <see cref="RunReport"/> as <c>result.json</c> and <c>result.md</c>, and the Markdown to the console.</summary>
public static class ReportWriter
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // a file for people: → and × as they are
    };

    /// <summary>Writes both files into <paramref name="directory"/>; returns the Markdown.</summary>
    public static string Write(RunReport report, string directory)
    {
        ArgumentNullException.ThrowIfNull(report);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "result.json"), JsonSerializer.Serialize(report, Json));
        var markdown = Markdown(report);
        File.WriteAllText(Path.Combine(directory, "result.md"), markdown);
        return markdown;
    }

    /// <summary>The report as Markdown: a heading line, the latency table with ratios, the figures, the samples, the notes.</summary>
    public static string Markdown(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        md.AppendLine(Invariant($"### {report.Scenario} on {report.Target} — {report.StartedUtc}"));
        md.AppendLine();
        md.AppendLine(Invariant($"`{report.Command}`"));
        md.AppendLine();
        md.AppendLine(Invariant($"{report.Machine}; load average {report.LoadAverageStart} at the start, {report.LoadAverageEnd} at the end; {string.Join(", ", report.Settings.Select(s => $"{s.Key} {s.Value}"))}."));
        md.AppendLine();
        if (report.Latencies.Count > 0)
        {
            md.AppendLine("| latency | n | p50 ms | p95 ms | p99 ms | max ms | per s | lost | refused | p50 / baseline | p99 / baseline |");
            md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |");
            foreach (var row in report.Latencies)
            {
                var s = row.Summary;
                var refused = s.Refused.Count == 0 ? "0" : string.Join(", ", s.Refused.Select(r => Invariant($"{r.Key} {r.Value}")));
                var baseline = row.Baseline is null ? null : report.Latencies.FirstOrDefault(b => b.Name == row.Baseline)?.Summary;
                var p50 = baseline is null ? "" : Invariant($"{s.P50 / baseline.P50:F2} ×");
                var p99 = baseline is null ? "" : Invariant($"{s.P99 / baseline.P99:F2} ×");
                md.AppendLine(Invariant($"| {row.Name} | {s.Count} | {s.P50:F2} | {s.P95:F2} | {s.P99:F2} | {s.Max:F1} | {s.PerSecond:F1} | {s.Lost} | {refused} | {p50} | {p99} |"));
            }

            md.AppendLine();
        }

        if (report.Figures.Count > 0)
        {
            md.AppendLine("| figure | value | baseline | ratio | note |");
            md.AppendLine("| --- | ---: | ---: | ---: | --- |");
            foreach (var f in report.Figures)
            {
                var baseline = f.Baseline is { } b ? Invariant($"{Number(b)} {f.Unit}") : "";
                var ratio = f.Ratio is { } r ? Invariant($"{r:F2} ×") : "";
                md.AppendLine(Invariant($"| {f.Name} | {Number(f.Value)} {f.Unit} | {baseline} | {ratio} | {f.Note} |"));
            }

            md.AppendLine();
        }

        if (report.Samples.Count > 0)
        {
            var columns = report.Samples.SelectMany(s => s.Keys).Distinct().ToArray();
            md.AppendLine("| " + string.Join(" | ", columns) + " |");
            md.AppendLine("|" + string.Concat(columns.Select(_ => " ---: |")));
            foreach (var sample in report.Samples)
            {
                md.AppendLine("| " + string.Join(" | ", columns.Select(c => sample.TryGetValue(c, out var v) ? Number(v) : "")) + " |");
            }

            md.AppendLine();
        }

        foreach (var note in report.Notes)
        {
            md.AppendLine("- " + note);
        }

        return md.ToString();
    }

    /// <summary>A number as the tables show it: whole numbers without decimals, small ones with two or three.</summary>
    public static string Number(double value) => value switch
    {
        double.NaN => "n/a",
        _ when Math.Abs(value) >= 100 || value == Math.Round(value) => value.ToString("#,0", CultureInfo.InvariantCulture),
        _ when Math.Abs(value) >= 1 => value.ToString("0.0#", CultureInfo.InvariantCulture),
        _ => value.ToString("0.###", CultureInfo.InvariantCulture),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
