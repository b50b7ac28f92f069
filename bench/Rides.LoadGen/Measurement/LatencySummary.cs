using System.Diagnostics;

namespace Rides.LoadGen.Measurement;

/// <summary>The distribution of one phase's latencies, in milliseconds, and what did not arrive.</summary>
/// <param name="Count">Measured samples.</param>
/// <param name="P50">Median.</param>
/// <param name="P95">95th percentile (nearest rank).</param>
/// <param name="P99">99th percentile (nearest rank).</param>
/// <param name="Max">Largest.</param>
/// <param name="PerSecond">Measured deliveries per second: (n - 1) over the time from the first to the last arrival.</param>
/// <param name="Lost">Measured sends whose delivery never arrived.</param>
/// <param name="Refused">Sends the server answered with an error (by code), excluded.</param>
public sealed record LatencySummary(int Count, double P50, double P95, double P99, double Max, double PerSecond, int Lost, IReadOnlyDictionary<string, int> Refused)
{
    /// <summary>Summarises <paramref name="samples"/> (milliseconds) whose arrivals spanned <paramref name="firstArrival"/> to <paramref name="lastArrival"/> (stopwatch stamps).</summary>
    public static LatencySummary Of(IEnumerable<double> samples, long firstArrival, long lastArrival, int lost, IReadOnlyDictionary<string, int> refused)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var sorted = samples.Order().ToArray();
        var span = Stopwatch.GetElapsedTime(firstArrival, lastArrival).TotalSeconds;
        return new LatencySummary(
            sorted.Length,
            Percentile(sorted, 0.50),
            Percentile(sorted, 0.95),
            Percentile(sorted, 0.99),
            sorted.Length == 0 ? double.NaN : sorted[^1],
            sorted.Length > 1 && span > 0 ? (sorted.Length - 1) / span : double.NaN,
            lost,
            refused);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
