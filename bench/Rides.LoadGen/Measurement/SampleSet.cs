using System.Collections.Concurrent;
using System.Diagnostics;

namespace Rides.LoadGen.Measurement;

/// <summary>Latencies of one kind gathered from many tasks, with their refusals and losses, summarised at the end.</summary>
public sealed class SampleSet
{
    private readonly ConcurrentBag<(double Ms, long At)> _samples = [];
    private readonly ConcurrentDictionary<string, int> _refused = new(StringComparer.Ordinal);
    private int _lost;

    /// <summary>Adds the time from <paramref name="from"/> to <paramref name="to"/> (stopwatch stamps).</summary>
    public void Add(long from, long to) => _samples.Add((Stopwatch.GetElapsedTime(from, to).TotalMilliseconds, to));

    /// <summary>Counts a refusal by its code.</summary>
    public void Refuse(string code) => _refused.AddOrUpdate(code, 1, (_, n) => n + 1);

    /// <summary>Counts something that never arrived.</summary>
    public void Lose() => Interlocked.Increment(ref _lost);

    /// <summary>Samples so far.</summary>
    public int Count => _samples.Count;

    /// <summary>The distribution.</summary>
    public LatencySummary Summarize()
    {
        var all = _samples.ToArray();
        return all.Length == 0
            ? LatencySummary.Of([], 0, 0, _lost, new Dictionary<string, int>(_refused))
            : LatencySummary.Of(all.Select(s => s.Ms), all.Min(s => s.At), all.Max(s => s.At), _lost, new Dictionary<string, int>(_refused));
    }

    /// <summary>
    /// The distribution per window of <paramref name="width"/> by arrival, from the first arrival on: shows whether a
    /// tail is spread over the run or one stall.
    /// </summary>
    public IReadOnlyList<(double StartSeconds, LatencySummary Summary)> ByWindow(TimeSpan width)
    {
        var all = _samples.ToArray();
        if (all.Length == 0)
        {
            return [];
        }

        var first = all.Min(s => s.At);
        var empty = new Dictionary<string, int>();
        return all
            .GroupBy(s => (int)(Stopwatch.GetElapsedTime(first, s.At) / width))
            .OrderBy(g => g.Key)
            .Select(g => (g.Key * width.TotalSeconds, LatencySummary.Of(g.Select(s => s.Ms), g.Min(s => s.At), g.Max(s => s.At), 0, empty)))
            .ToList();
    }

    /// <summary>One line: p50 / p99 / max in ms per window of <paramref name="width"/>.</summary>
    public string WindowLine(TimeSpan width) => string.Join("; ", ByWindow(width).Select(w =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{w.StartSeconds:0} s: {w.Summary.P50:0.#} / {w.Summary.P99:0.#} / {w.Summary.Max:0}")));
}
