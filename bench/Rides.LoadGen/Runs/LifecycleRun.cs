using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Rides.LoadGen.Baseline;
using Rides.LoadGen.Measurement;
using Rides.LoadGen.Scenario;

namespace Rides.LoadGen.Runs;

/// <summary>
/// <c>lifecycle</c>: <c>--rides</c> driver/rider pairs each do whole rides in a loop (<see cref="RideCycler"/>):
/// rides completed per second over the measured seconds, and the round trip of every transition. On PostgreSQL
/// (postgres, cluster) the rides the platform persisted are counted in its table afterwards, and the baseline runs
/// on the same server: a raw Npgsql write of a real ride's JSON, with as many writers as the platform has database
/// connections (its pool size per silo, times its silos) or rides in flight, whichever is fewer: the platform's writes
/// queue for those connections too, so more raw writers would only measure the server's queue.
/// </summary>
public static class LifecycleRun
{
    /// <summary>The row writes a ride's steps stand for in the raw baseline: the insert, then one update per state-changing step.</summary>
    private const int UpdatesPerRide = 6;

    private const string RawRow = "baseline: raw Npgsql write of the ride's JSON (insert or version-checked update)";

    /// <summary>Runs the scenario.</summary>
    public static async Task RunAsync(RunContext run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var o = run.Options;
        var pairs = o.Rides ?? 50;
        var warmup = TimeSpan.FromSeconds(o.Warmup ?? 5);
        var measured = TimeSpan.FromSeconds(o.Seconds ?? 30);
        var s = run.Report.Settings;
        s["ride pairs"] = pairs.ToString(CultureInfo.InvariantCulture);
        s["locations per ride"] = o.Locations.ToString(CultureInfo.InvariantCulture);
        s["measured"] = $"{measured.TotalSeconds:0} s (+{warmup.TotalSeconds:0} s warm-up)";

        await using var target = await run.StartTargetAsync(cancellationToken).ConfigureAwait(false);
        var apis = target.Edges.Select(e => new RidesApi(run.Http, e)).ToArray();
        var prefix = $"lgl-{run.Tag}";
        run.Progress($"connecting {pairs} drivers and riders");
        var cyclers = await Users.ForEachAsync(pairs, o.SetupConcurrency, i => RideCycler.CreateAsync(apis, prefix, i, o.Locations, cancellationToken)).ConfigureAwait(false);
        try
        {
            var result = await CycleAsync(run, cyclers, warmup, measured, cancellationToken).ConfigureAwait(false);
            run.RecordMemory("after the rides", target.Processes);
            foreach (var step in RideCycler.Steps)
            {
                run.Report.Latency(step, result.Transitions[step].Summarize(), step == "request → offer" ? null : target.ConnectionString is null ? null : RawRow);
            }

            run.Report.Figure("rides completed per second", result.Completed / measured.TotalSeconds, "/s", note: $"{result.Completed} rides completed in the measured {measured.TotalSeconds:0} s");
            if (target.ConnectionString is { } connectionString)
            {
                var pool = new NpgsqlConnectionStringBuilder(connectionString).MaxPoolSize * target.Processes.Count(p => p.IsSilo);
                await BaselineAsync(run, connectionString, prefix, Math.Min(pairs, pool), result.Completed / measured.TotalSeconds, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                run.Report.Notes.Add("The embedded default keeps grain state in memory: no persisted rides to count and no raw write to compare with (run --target postgres or cluster).");
            }

            run.Report.Notes.Add("Goal (issue 10): ≥ 300 complete rides/s persisted in PostgreSQL, each transition ≤ 2× a raw write of the same row.");
        }
        finally
        {
            await RunContext.DisposeAllAsync(cyclers.SelectMany(c => new[] { c.Driver, c.Rider })).ConfigureAwait(false);
        }
    }

    /// <summary>Runs every cycler for warm-up plus measured time; counts the rides completed inside the measured window.</summary>
    internal static async Task<(Dictionary<string, SampleSet> Transitions, int Completed)> CycleAsync(
        RunContext run, IReadOnlyList<RideCycler> cyclers, TimeSpan warmup, TimeSpan measured, CancellationToken cancellationToken, Action<Func<int>>? watch = null)
    {
        var transitions = RideCycler.Steps.ToDictionary(step => step, _ => new SampleSet(), StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        var from = Stopwatch.GetTimestamp() + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var until = from + (long)(measured.TotalSeconds * Stopwatch.Frequency);
        var completed = 0;
        var all = 0;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(warmup + measured);
        watch?.Invoke(() => Volatile.Read(ref all));
        run.Progress($"{cyclers.Count} pairs riding for {(warmup + measured).TotalSeconds:0} s ({warmup.TotalSeconds:0} s warm-up)");
        var progress = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(10), stop.Token).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
                run.Progress($"{Volatile.Read(ref all)} rides completed, {Volatile.Read(ref completed)} in the measured window; load {MachineLoad.Now()}");
            }
        }, CancellationToken.None);
        await Task.WhenAll(cyclers.Select(c => c.RunAsync(
            transitions,
            () => { var now = Stopwatch.GetTimestamp(); return now >= from && now < until; },
            at =>
            {
                Interlocked.Increment(ref all);
                if (at >= from && at < until)
                {
                    Interlocked.Increment(ref completed);
                }
            },
            stop.Token,
            cancellationToken))).ConfigureAwait(false);
        await progress.ConfigureAwait(false);
        run.Progress($"{all} rides completed ({completed} in the measured window) in {clock.Elapsed.TotalSeconds:0} s");
        return (transitions, completed);
    }

    private static async Task BaselineAsync(RunContext run, string connectionString, string prefix, int writers, double ridesPerSecond, CancellationToken cancellationToken)
    {
        var (rows, completed, json, stateName) = await RawWriteBaseline.PersistedRidesAsync(connectionString, prefix, cancellationToken).ConfigureAwait(false);
        run.Report.Figure("rides persisted in PostgreSQL (rows of this run)", rows, "", note: $"{completed} of them completed; state rows named '{stateName}'");
        if (json is null)
        {
            run.Report.Notes.Add("No completed ride was found in the grain state table: the raw baseline did not run.");
            return;
        }

        run.Progress($"raw Npgsql baseline: {writers} writers, {json.Length} bytes of JSON, 15 s");
        var (writes, rowsPerSecond) = await RawWriteBaseline.RunAsync(connectionString, json, writers, UpdatesPerRide, TimeSpan.FromSeconds(15), cancellationToken).ConfigureAwait(false);
        run.Report.Latency(RawRow, writes);
        run.Report.Figure("ride state JSON (largest completed ride)", json.Length, "bytes");
        run.Report.Figure("rides/s the raw baseline writes (1 insert + 6 updates each)", rowsPerSecond, "/s");
        run.Report.Figure("rides completed per second against the raw baseline's rides/s", ridesPerSecond, "/s", rowsPerSecond);
    }
}
