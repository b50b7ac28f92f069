using System.Globalization;
using Rides.LoadGen.Client;
using Rides.LoadGen.Hosting;
using Rides.LoadGen.Measurement;
using Rides.LoadGen.Scenario;

namespace Rides.LoadGen.Runs;

/// <summary>
/// <c>idle</c>: N authenticated rider connections held on the edge(s), opened by holder processes
/// (<see cref="ConnectionHolder"/>, <c>--per-process</c> each, since one process may have 20,000 files open at
/// most here), and the edge's and silo's resident memory and open files before and after: memory per connection.
/// Then K rides requested over REST at one pickup (no driver anywhere near: they stay in dispatch, then end with
/// <c>no_driver_found</c>): memory and activations per ride. Then, with the platform stopped, the same N
/// connections on the bare relay process: its memory per connection is the baseline.
/// </summary>
public static class IdleRun
{
    /// <summary>Runs the scenario.</summary>
    public static async Task RunAsync(RunContext run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var o = run.Options;
        var n = o.Connections ?? 5000;
        run.Report.Settings["connections"] = n.ToString(CultureInfo.InvariantCulture);
        run.Report.Settings["per holder process"] = o.PerProcess.ToString(CultureInfo.InvariantCulture);
        run.Report.Settings["ride activations"] = o.RideActivations.ToString(CultureInfo.InvariantCulture);

        double oursPerConnection;
        await using (var target = await run.StartTargetAsync(cancellationToken).ConfigureAwait(false))
        {
            var probe = await PlatformProbe.CreateAsync(target, run.Http, cancellationToken).ConfigureAwait(false);
            var edges = target.Processes.Where(p => p.IsEdge).ToArray();
            var silos = target.Processes.Where(p => p.IsSilo && !p.IsEdge).ToArray();
            run.Report.Figure("open-file limit of an edge process", OpenFileLimit(edges[0].Pid), "", note: "one file per connection: an edge holds fewer connections than this");
            oursPerConnection = await HoldAsync(run, "platform", edges, silos, target.Edges, echo: false, n, probe, cancellationToken).ConfigureAwait(false);
            if (o.RideActivations > 0)
            {
                await RideActivationsAsync(run, target, probe, o.RideActivations, cancellationToken).ConfigureAwait(false);
            }
        }

        var (relay, server) = await run.StartRelayAsync(cancellationToken).ConfigureAwait(false);
        await using (relay)
        {
            var relayPerConnection = await HoldAsync(run, "relay", [server], [], [server.Url], echo: true, n, null, cancellationToken).ConfigureAwait(false);
            run.Report.Figure("memory per held connection: platform (edge + silo) against the relay", oursPerConnection, "KiB", relayPerConnection);
        }

        run.Report.Notes.Add("Goal (issue 10): 20,000 connections held on one edge, memory per connection ≤ 20 KiB. An edge process needs one file descriptor per connection and may open 20,000 files here (hard limit), so one edge cannot hold 20,000: the figure is the largest number it held.");
    }

    /// <summary>Holds <paramref name="count"/> connections on <paramref name="servers"/>; records memory, files and counters; returns KiB per held connection (edges + silos).</summary>
    private static async Task<double> HoldAsync(
        RunContext run, string side, ServerProcess[] edges, ServerProcess[] silos, IReadOnlyList<Uri> servers, bool echo, int count, PlatformProbe? probe, CancellationToken cancellationToken)
    {
        await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken).ConfigureAwait(false);
        var edgeBefore = ProcessMemory.Sum(edges.Select(e => e.Pid));
        var siloBefore = ProcessMemory.Sum(silos.Select(e => e.Pid));
        var countersBefore = probe is null ? null : await probe.ReadAsync(cancellationToken).ConfigureAwait(false);
        var holders = await HolderGroup.StartAsync(run, side, servers, echo, count, cancellationToken).ConfigureAwait(false);
        var (held, failed) = (holders.Held, holders.Failed);
        run.Report.Notes.AddRange(holders.Errors.Select(e => $"{side}: {e}"));
        try
        {
            run.Progress($"{side}: settling 5 s");
            await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false);
            var edgeAfter = ProcessMemory.Sum(edges.Select(e => e.Pid));
            var siloAfter = ProcessMemory.Sum(silos.Select(e => e.Pid));
            var r = run.Report;
            var what = edges.Length == 1 ? edges[0].Role : $"{edges.Length} edges";
            r.Figure($"{side}: connections held", held, "", count, failed == 0 ? null : $"{failed} failed");
            r.Figure($"{side}: {what} RSS with the connections", edgeAfter.RssMiB, "MiB", edgeBefore.RssMiB, "baseline: before");
            r.Figure($"{side}: {what} open files with the connections", edgeAfter.OpenFiles, "", edgeBefore.OpenFiles, "baseline: before");
            var perEdge = held == 0 ? double.NaN : (edgeAfter.RssBytes - edgeBefore.RssBytes) / 1024d / held;
            r.Figure($"{side}: {what} memory per connection", perEdge, "KiB");
            var perSilo = 0d;
            if (silos.Length > 0)
            {
                r.Figure($"{side}: silos RSS with the connections", siloAfter.RssMiB, "MiB", siloBefore.RssMiB, "baseline: before");
                perSilo = held == 0 ? double.NaN : (siloAfter.RssBytes - siloBefore.RssBytes) / 1024d / held;
                r.Figure($"{side}: silo memory per connection", perSilo, "KiB", note: "the user's stream topic and connection bookkeeping");
            }

            if (probe is not null && countersBefore is not null)
            {
                await Task.Delay(TimeSpan.FromSeconds(6), cancellationToken).ConfigureAwait(false); // the dashboard's counters refresh every 5 s
                var after = await probe.ReadAsync(cancellationToken).ConfigureAwait(false);
                r.Figure($"{side}: connections the edges count (ws/stats)", after.Connections, "", countersBefore.Connections, "baseline: before");
                r.Figure($"{side}: subscriptions the edges hold (ws/stats)", after.Subscriptions, "", countersBefore.Subscriptions, "baseline: before");
                r.Figure($"{side}: activations in the cluster (dashboard)", after.Activations, "", countersBefore.Activations, "baseline: before");
            }

            return perEdge + perSilo;
        }
        finally
        {
            await holders.ReleaseAsync().ConfigureAwait(false);
            run.Report.Figure($"{side}: connections the server closed while held", holders.Dropped, "");
        }
    }

    private static async Task RideActivationsAsync(RunContext run, PlatformTarget target, PlatformProbe probe, int rides, CancellationToken cancellationToken)
    {
        var silos = target.Processes.Where(p => p.IsSilo).ToArray();
        var apis = target.Edges.Select(e => new RidesApi(run.Http, e)).ToArray();
        run.Progress($"getting {rides} riders' tokens");
        var tokens = await Users.ForEachAsync(rides, 16, i => apis[i % apis.Length].TokenAsync($"lgi-{run.Tag}-rider{i}", "rider", cancellationToken)).ConfigureAwait(false);
        await Task.Delay(TimeSpan.FromSeconds(6), cancellationToken).ConfigureAwait(false);
        var before = ProcessMemory.Sum(silos.Select(s => s.Pid));
        var countersBefore = await probe.ReadAsync(cancellationToken).ConfigureAwait(false);
        // One pickup for all, as in a city: the geo cells dispatch searches (some 90 for the widest batch) are
        // activated once, not once per ride.
        var city = new RideArea(20_000);
        run.Progress($"requesting {rides} rides (no driver near: they stay in dispatch)");
        await Users.ForEachAsync(rides, 16, i => apis[i % apis.Length].RequestRideAsync(tokens[i], city, cancellationToken, $"lgi-{run.Tag}-ride{i}")).ConfigureAwait(false);
        await Task.Delay(TimeSpan.FromSeconds(6), cancellationToken).ConfigureAwait(false);
        var after = ProcessMemory.Sum(silos.Select(s => s.Pid));
        var countersAfter = await probe.ReadAsync(cancellationToken).ConfigureAwait(false);
        var activations = countersAfter.Activations - countersBefore.Activations;
        var r = run.Report;
        r.Figure("rides requested: silo RSS", after.RssMiB, "MiB", before.RssMiB, "baseline: before the rides");
        r.Figure("memory per ride (silo RSS delta / rides)", (after.RssBytes - before.RssBytes) / 1024d / rides, "KiB", note: "the ride with its rider and topic activations, and its state");
        r.Figure("activations per ride (dashboard delta / rides)", activations / (double)rides, "", note: string.Join(", ", countersAfter.ActivationsByType.Where(t => t.Value != countersBefore.ActivationsByType.GetValueOrDefault(t.Key)).Select(t => $"{t.Key} +{t.Value - countersBefore.ActivationsByType.GetValueOrDefault(t.Key)}")));
        r.Figure("memory per activation (silo RSS delta / activations)", activations <= 0 ? double.NaN : (after.RssBytes - before.RssBytes) / 1024d / activations, "KiB");
        r.Figure("active rides (ws/stats)", countersAfter.ActiveRides, "", countersBefore.ActiveRides, "baseline: before");
    }

    private static double OpenFileLimit(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/limits").FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal));
            var parts = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return parts is { Length: >= 5 } && double.TryParse(parts[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var soft) ? soft : double.NaN;
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }
}
