using System.Diagnostics;
using System.Globalization;
using Rides.LoadGen.Client;
using Rides.LoadGen.Hosting;
using Rides.LoadGen.Measurement;
using Rides.LoadGen.Reporting;
using Rides.LoadGen.Scenario;

namespace Rides.LoadGen.Runs;

/// <summary>
/// <c>soak</c> (issue 11 item 5): <c>--connections</c> idle rider connections held throughout, and <c>--rides</c>
/// driver/rider pairs doing whole rides in a loop (<see cref="RideCycler"/>) for <c>--minutes</c>. Every
/// <c>--sample-seconds</c>: the platform's resident memory and open files, activations (dashboard), the edges'
/// connections and subscriptions, drivers online, active rides (<c>ws/stats</c>), reminder rows (PostgreSQL targets). Reported: RSS growth from the
/// end of the warm-up (the first fifth, at least a minute, at most half) to the end, and the counters 80 s after the rides have ended
/// and their pairs disconnected, against the counters before the pairs connected.
/// </summary>
public static class SoakRun
{
    // An ended ride deactivates a minute after it settles (Rides:Trip:EndedRideIdle); the counters are read after that.
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(80);

    // Two minutes of idle time (geo cells, topics), a minute of Orleans' collection period and the dashboard's refresh.
    private static readonly TimeSpan CollectionWait = TimeSpan.FromSeconds(200);

    // Reminder rows in the cluster's table (-1 without a database): a ride holds its dispatch reminder only while
    // it is finding a driver, so the count should follow the rides being dispatched.
    private static async Task<long> CountRemindersAsync(string? connectionString, CancellationToken cancellationToken)
    {
        if (connectionString is null)
        {
            return -1;
        }

        try
        {
            await using var dataSource = Npgsql.NpgsqlDataSource.Create(connectionString);
            await using var command = dataSource.CreateCommand("SELECT count(*) FROM orleans_reminder");
            return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }
        catch (Npgsql.NpgsqlException)
        {
            return -1;
        }
    }

    /// <summary>Runs the scenario.</summary>
    public static async Task RunAsync(RunContext run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var o = run.Options;
        var pairs = o.Rides ?? 200;
        var idle = o.Connections ?? 1000;
        var length = TimeSpan.FromMinutes(o.Minutes);
        var warmup = TimeSpan.FromSeconds(Math.Min(Math.Max(60, length.TotalSeconds / 5), length.TotalSeconds / 2));
        var s = run.Report.Settings;
        s["ride pairs"] = pairs.ToString(CultureInfo.InvariantCulture);
        s["idle connections"] = idle.ToString(CultureInfo.InvariantCulture);
        s["minutes"] = o.Minutes.ToString(CultureInfo.InvariantCulture);
        s["warm-up"] = $"{warmup.TotalSeconds:0} s";
        s["locations per ride"] = o.Locations.ToString(CultureInfo.InvariantCulture);

        await using var target = await run.StartTargetAsync(cancellationToken).ConfigureAwait(false);
        var probe = await PlatformProbe.CreateAsync(target, run.Http, cancellationToken).ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        var rides = () => 0;
        var phase = "start";
        PlatformCounters? lastCounters = null;
        string ByType() => lastCounters is null ? "" : string.Join(", ", lastCounters.ActivationsByType.Where(t => t.Value > 0).OrderByDescending(t => t.Value).Select(t => $"{t.Key} {t.Value}"));
        async Task<Dictionary<string, double>> SampleAsync()
        {
            var all = ProcessMemory.Sum(target.Processes.Select(p => p.Pid));
            var edges = ProcessMemory.Sum(target.Processes.Where(p => p.IsEdge).Select(p => p.Pid));
            var counters = await probe.ReadAsync(cancellationToken).ConfigureAwait(false);
            lastCounters = counters;
            var sample = new Dictionary<string, double>(StringComparer.Ordinal)
            {
                ["t s"] = Math.Round(clock.Elapsed.TotalSeconds),
                ["RSS MiB"] = Math.Round(all.RssMiB, 1),
                ["edge RSS MiB"] = Math.Round(edges.RssMiB, 1),
                ["files"] = all.OpenFiles,
                ["activations"] = counters.Activations,
                ["connections"] = counters.Connections,
                ["subscriptions"] = counters.Subscriptions,
                ["drivers online"] = counters.OnlineDrivers,
                ["active rides"] = counters.ActiveRides,
                ["reminders"] = await CountRemindersAsync(target.ConnectionString, cancellationToken).ConfigureAwait(false),
                ["rides done"] = rides(),
                ["load 1 min"] = MachineLoad.OneMinute(),
            };
            run.Progress($"{phase}: " + string.Join(", ", sample.Select(kv => $"{kv.Key} {ReportWriter.Number(kv.Value)}")));
            return sample;
        }

        var empty = await SampleAsync().ConfigureAwait(false);
        await using var holders = await HolderGroup.StartAsync(run, "idle", target.Edges, echo: false, idle, cancellationToken).ConfigureAwait(false);
        run.Report.Notes.AddRange(holders.Errors);
        await Task.Delay(TimeSpan.FromSeconds(6), cancellationToken).ConfigureAwait(false);
        phase = "idle held";
        var baseline = await SampleAsync().ConfigureAwait(false);
        var baselineCounters = lastCounters!;
        run.Report.Samples.Add(baseline);

        var apis = target.Edges.Select(e => new RidesApi(run.Http, e)).ToArray();
        run.Progress($"connecting {pairs} drivers and riders");
        var cyclers = await Users.ForEachAsync(pairs, o.SetupConcurrency, i => RideCycler.CreateAsync(apis, $"lgs-{run.Tag}", i, o.Locations, cancellationToken)).ConfigureAwait(false);
        (Dictionary<string, SampleSet> Transitions, int Completed) result;
        var warmedUp = (Dictionary<string, double>?)null;
        var last = (Dictionary<string, double>?)null;
        (double Start, double End)? trend = null;
        try
        {
            phase = "riding";
            using var sampling = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var started = clock.Elapsed;
            var afterWarmup = new List<Dictionary<string, double>>();
            var sampler = Task.Run(async () =>
            {
                try
                {
                    while (!sampling.IsCancellationRequested)
                    {
                        await Task.Delay(TimeSpan.FromSeconds(o.SampleSeconds), sampling.Token).ConfigureAwait(false);
                        var sample = await SampleAsync().ConfigureAwait(false);
                        run.Report.Samples.Add(sample);
                        last = sample;
                        if (warmedUp is null && clock.Elapsed - started >= warmup)
                        {
                            warmedUp = sample;
                        }

                        if (warmedUp is not null)
                        {
                            afterWarmup.Add(sample);
                        }
                    }
                }
                catch (OperationCanceledException) when (sampling.IsCancellationRequested)
                {
                }
            }, CancellationToken.None);
            result = await LifecycleRun.CycleAsync(run, cyclers, warmup, length - warmup, cancellationToken, count => rides = count).ConfigureAwait(false);
            await sampling.CancelAsync().ConfigureAwait(false);
            await sampler.ConfigureAwait(false);
            run.Report.Notes.Add("Activations by grain class at the last sample while riding: " + ByType());
            trend = RssTrend(afterWarmup);
        }
        finally
        {
            await RunContext.DisposeAllAsync(cyclers.SelectMany(c => new[] { c.Driver, c.Rider })).ConfigureAwait(false);
        }

        phase = "rides ended";
        run.Progress($"rides ended, pairs disconnected; settling {Settle.TotalSeconds:0} s");
        await Task.Delay(Settle, cancellationToken).ConfigureAwait(false);
        var ended = await SampleAsync().ConfigureAwait(false);
        run.Report.Samples.Add(ended);
        run.Report.Notes.Add("Activations by grain class once the rides ended: " + ByType());

        // Geo cells and topics nobody uses leave after two idle minutes; Orleans collects once a minute. Riders and
        // drivers keep Orleans' fifteen minutes (a user who just rode is likely to again), so they are counted apart.
        phase = "collected";
        run.Progress($"waiting up to {CollectionWait.TotalSeconds:0} s for the geo cells and topics of the rides to be collected");
        var users = UserActivations(baselineCounters);
        var collectedBy = clock.Elapsed + CollectionWait;
        Dictionary<string, double> collected;
        do
        {
            await Task.Delay(TimeSpan.FromSeconds(15), cancellationToken).ConfigureAwait(false);
            collected = await SampleAsync().ConfigureAwait(false);
        }
        while (clock.Elapsed < collectedBy && !BackToBaseline(lastCounters!, baselineCounters));

        run.Report.Samples.Add(collected);
        run.Report.Notes.Add($"Activations by grain class {collected["t s"] - ended["t s"] + Settle.TotalSeconds:0} s after the rides ended: " + ByType());
        var collectedUsers = UserActivations(lastCounters!);
        await holders.ReleaseAsync().ConfigureAwait(false);
        await Task.Delay(TimeSpan.FromSeconds(6), cancellationToken).ConfigureAwait(false);
        phase = "idle released";
        var released = await SampleAsync().ConfigureAwait(false);
        run.Report.Samples.Add(released);

        var r = run.Report;
        foreach (var step in RideCycler.Steps)
        {
            r.Latency(step + " (after warm-up)", result.Transitions[step].Summarize());
        }

        r.Figure("rides completed per second (after warm-up)", result.Completed / (length - warmup).TotalSeconds, "/s", note: $"{rides()} rides in all");
        if (warmedUp is not null && last is not null)
        {
            r.Figure("RSS at the end of the rides against the end of the warm-up", last["RSS MiB"], "MiB", warmedUp["RSS MiB"], "goal (issue 11): growth under 5 % (ratio < 1.05)");
            if (trend is { } line)
            {
                r.Figure("RSS trend after the warm-up (least-squares line, its end against its start)", Math.Round(line.End, 1), "MiB", Math.Round(line.Start, 1), "every sample from the end of the warm-up to the end of the rides: a leak shows as a slope, the GC's saw-tooth between collections does not");
            }

            r.Figure("RSS peak while riding", run.Report.Samples.Where(x => x != baseline && x != ended && x != released && x != collected).Max(x => x["RSS MiB"]), "MiB");
        }

        r.Figure("RSS once the rides ended against before them", ended["RSS MiB"], "MiB", baseline["RSS MiB"], "baseline: idle connections held, no ride pair yet");
        foreach (var counter in new[] { "connections", "subscriptions", "drivers online", "active rides", "activations", "reminders", "files" })
        {
            r.Figure($"{counter} once the rides ended", ended[counter], "", baseline[counter], "baseline: before the ride pairs connected");
        }

        r.Figure("activations but riders and drivers once the two-minute ages passed", collected["activations"] - collectedUsers, "", baseline["activations"] - users, "baseline: before the ride pairs connected; rides, geo cells and topics leave after their idle time");
        r.Figure("rider and driver activations then", collectedUsers, "", users, "they keep Orleans' collection age (15 minutes)");
        r.Figure("connections once the idle ones were released", released["connections"], "", empty["connections"], "baseline: before anything");
        r.Figure("subscriptions once the idle ones were released", released["subscriptions"], "", empty["subscriptions"], "baseline: before anything");
        r.Figure("idle connections the server closed while held", holders.Dropped, "");
        r.Notes.Add("An ended ride deactivates a minute after it is settled (Rides:Trip:EndedRideIdle) and a topic when its last edge leaves or after two idle minutes, as geo cells; riders and drivers keep Orleans' collection age (15 minutes). On the embedded target grain state lives in the silo's memory, so RSS there grows with every ride stored.");
    }

    /// <summary>Whether every grain class but riders and drivers is back at its count in <paramref name="baseline"/> (or below).</summary>
    private static bool BackToBaseline(PlatformCounters now, PlatformCounters baseline) =>
        now.ActivationsByType.Where(t => !IsUserGrain(t.Key)).All(t => t.Value <= baseline.ActivationsByType.GetValueOrDefault(t.Key));

    /// <summary>Riders and drivers: kept for Orleans' collection age on purpose, so counted apart from the rest.</summary>
    private static bool IsUserGrain(string grainClass) => grainClass is "RiderGrain" or "DriverGrain";

    private static long UserActivations(PlatformCounters counters) =>
        counters.ActivationsByType.Where(t => IsUserGrain(t.Key)).Sum(t => t.Value);

    /// <summary>The least-squares line of RSS over time through <paramref name="samples"/>: its value at the first and the last sample.</summary>
    internal static (double Start, double End)? RssTrend(IReadOnlyList<Dictionary<string, double>> samples)
    {
        if (samples.Count < 3)
        {
            return null;
        }

        var t = samples.Select(x => x["t s"]).ToArray();
        var y = samples.Select(x => x["RSS MiB"]).ToArray();
        var (meanT, meanY) = (t.Average(), y.Average());
        var slope = t.Zip(y).Sum(p => (p.First - meanT) * (p.Second - meanY)) / t.Sum(v => (v - meanT) * (v - meanT));
        return (meanY + slope * (t[0] - meanT), meanY + slope * (t[^1] - meanT));
    }
}
