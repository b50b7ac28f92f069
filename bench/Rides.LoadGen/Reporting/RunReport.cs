using System.Runtime;
using System.Runtime.InteropServices;
using Rides.LoadGen.Measurement;

namespace Rides.LoadGen.Reporting;

/// <summary>Everything one run measured, written as JSON and as Markdown (<see cref="ReportWriter"/>).</summary>
public sealed class RunReport
{
    /// <summary>The scenario: location, dispatch, lifecycle, idle or soak.</summary>
    public required string Scenario { get; init; }

    /// <summary>The target: embedded, postgres or cluster.</summary>
    public required string Target { get; init; }

    /// <summary>The command line that reproduces the run.</summary>
    public required string Command { get; init; }

    /// <summary>When the run started (UTC, ISO 8601).</summary>
    public required string StartedUtc { get; init; }

    /// <summary>When the run ended (UTC, ISO 8601).</summary>
    public string FinishedUtc { get; set; } = string.Empty;

    /// <summary>The machine's load average (1, 5, 15 min) at the start.</summary>
    public required string LoadAverageStart { get; init; }

    /// <summary>The machine's load average at the end.</summary>
    public string LoadAverageEnd { get; set; } = string.Empty;

    /// <summary>Cores, runtime and the load generator's GC mode.</summary>
    public string Machine { get; init; } = $"{Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}, load generator {(GCSettings.IsServerGC ? "server" : "workstation")} GC";

    /// <summary>The platform's processes (role and pid) during the run.</summary>
    public List<string> Processes { get; } = [];

    /// <summary>The scenario's settings (sizes, durations).</summary>
    public Dictionary<string, string> Settings { get; } = new(StringComparer.Ordinal);

    /// <summary>Latency distributions, ours and baselines.</summary>
    public List<LatencyRow> Latencies { get; } = [];

    /// <summary>Other figures: throughput, memory, counts; each with its baseline and ratio where it has one.</summary>
    public List<Figure> Figures { get; } = [];

    /// <summary>Samples over time (the soak), one row of named values each.</summary>
    public List<Dictionary<string, double>> Samples { get; } = [];

    /// <summary>What a reader should know (limits hit, what was skipped and why).</summary>
    public List<string> Notes { get; } = [];

    /// <summary>Adds a latency row; <paramref name="baseline"/> names the row it is compared with.</summary>
    public void Latency(string name, LatencySummary summary, string? baseline = null) => Latencies.Add(new LatencyRow(name, summary, baseline));

    /// <summary>Adds a figure, with its ratio to <paramref name="baseline"/> when one is given.</summary>
    public void Figure(string name, double value, string unit, double? baseline = null, string? note = null) =>
        Figures.Add(new Figure(name, value, unit, baseline, baseline is { } b && b != 0 && !double.IsNaN(b) ? value / b : null, note));
}

/// <summary>One latency distribution.</summary>
/// <param name="Name">What was timed.</param>
/// <param name="Summary">The distribution (ms).</param>
/// <param name="Baseline">The row this one is compared with, if any.</param>
public sealed record LatencyRow(string Name, LatencySummary Summary, string? Baseline);

/// <summary>One figure.</summary>
/// <param name="Name">What it is.</param>
/// <param name="Value">Its value.</param>
/// <param name="Unit">Its unit.</param>
/// <param name="Baseline">The baseline's value, if any.</param>
/// <param name="Ratio">Value over baseline.</param>
/// <param name="Note">A remark.</param>
public sealed record Figure(string Name, double Value, string Unit, double? Baseline, double? Ratio, string? Note);
