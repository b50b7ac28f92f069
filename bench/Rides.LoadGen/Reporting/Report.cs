using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using Rides.LoadGen.Measurement;

namespace Rides.LoadGen.Reporting;

/// <summary>Writes a run's figures as a Markdown table, with our latency over the baseline's as ratios.</summary>
public static class Report
{
    /// <summary>Writes <paramref name="result"/> to <paramref name="output"/>.</summary>
    public static void Write(TextWriter output, LoadGenOptions options, RunResult result)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(result);
        output.WriteLine(Invariant($"rides={options.Rides} seconds={options.Seconds} warmup={options.Warmup} ping-rounds={options.PingRounds}; {Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC"));
        output.WriteLine();
        output.WriteLine("| measurement | n | p50 ms | p95 ms | p99 ms | max ms | per s | lost | refused |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        Row(output, "location fan-out: `update_location` → rider's `driver_location_update`", result.FanOut);
        Row(output, "baseline relay: echo hub `relay` → `Clients.Client(id)`", result.Relay);
        Row(output, "`ping` round trip, rides hub", result.Ping);
        Row(output, "`ping` round trip, echo hub (baseline)", result.EchoPing);
        Row(output, "ride status (100/s): `driver_arrived`/`start_ride` → rider's `ride_status_update`", result.Status);
        output.WriteLine();
        output.WriteLine("| ratio (ours / baseline) | p50 | p95 | p99 | max |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        Ratio(output, "location fan-out / relay", result.FanOut, result.Relay);
        Ratio(output, "ping / echo ping", result.Ping, result.EchoPing);
    }

    private static void Row(TextWriter output, string name, LatencySummary s)
    {
        var refused = s.Refused.Count == 0 ? "0" : string.Join(", ", s.Refused.Select(r => Invariant($"{r.Key} {r.Value}")));
        output.WriteLine(Invariant($"| {name} | {s.Count} | {s.P50:F2} | {s.P95:F2} | {s.P99:F2} | {s.Max:F1} | {s.PerSecond:F1} | {s.Lost} | {refused} |"));
    }

    private static void Ratio(TextWriter output, string name, LatencySummary ours, LatencySummary baseline) =>
        output.WriteLine(Invariant($"| {name} | {ours.P50 / baseline.P50:F1} × | {ours.P95 / baseline.P95:F1} × | {ours.P99 / baseline.P99:F1} × | {ours.Max / baseline.Max:F1} × |"));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
