using Microsoft.AspNetCore.SignalR.Client;
using Rides.Edge.Protocol;
using Rides.Edge.Protocol.Payloads;
using Rides.LoadGen.Baseline;
using Rides.LoadGen.Client;
using Rides.LoadGen.Measurement;
using Rides.LoadGen.Scenario;

namespace Rides.LoadGen.Runs;

/// <summary>
/// <c>location</c>: N rides, each driver sends <c>update_location</c> once a second, timed to the rider's
/// <c>driver_location_update</c>; then ping and ride status. Then, with the platform stopped, the same number of
/// pairs on the bare relay process (same client code, same pacing, events as long): its relay and ping are the
/// baselines. The two never run at once, so the box holds half the sockets and each side has the CPU to itself.
/// </summary>
public static class LocationRun
{
    /// <summary>Runs the scenario.</summary>
    public static async Task RunAsync(RunContext run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var o = run.Options;
        var locations = new PhaseOptions(o.Warmup ?? 2, o.Seconds ?? 20);
        var pings = new PhaseOptions(o.Warmup ?? 2, o.PingRounds);
        run.Report.Settings["pairs"] = o.Pairs.ToString(System.Globalization.CultureInfo.InvariantCulture);
        run.Report.Settings["measured rounds"] = $"{locations.Rounds} (+{locations.WarmupRounds} warm-up)";
        run.Report.Settings["ping rounds"] = pings.Rounds.ToString(System.Globalization.CultureInfo.InvariantCulture);

        IReadOnlyList<RidePair> rides;
        LatencySummary fanOut, ping, status;
        ProcessMemory ours;
        await using (var target = await run.StartTargetAsync(cancellationToken).ConfigureAwait(false))
        {
            run.RecordMemory("before", target.Processes);
            run.Progress($"setting up {o.Pairs} rides on {target.Edges.Count} edge(s)");
            var clients = RunContext.NewBag();
            try
            {
                rides = await SetUpRidesAsync(run, new RideSetup(run.Http, target.Edges, run.Tag), clients, cancellationToken).ConfigureAwait(false);
                run.Progress("measuring location fan-out");
                var lanes = rides.Select(r => new LocationLane(r.Driver, r.Rider, r.Area, HubMethodNames.UpdateLocation, Driving, r.LastLocationAt)).ToArray();
                fanOut = await LocationPhase.RunAsync(lanes, locations, cancellationToken).ConfigureAwait(false);
                ours = run.RecordMemory("under load", target.Processes);
                run.Progress("measuring ping");
                ping = await PingPhase.RunAsync([.. rides.SelectMany(r => new[] { r.Driver, r.Rider })], HubMethodNames.Ping, pings, cancellationToken).ConfigureAwait(false);
                // The status path (driver_arrived, start_ride, their grain methods and events) has not run yet:
                // its first changes pay for JIT, as the location phase's warm-up rounds do. They are not measured.
                var warmup = StatusPhase.WarmupRides(rides.Count);
                run.Progress($"warming up ride status events on {warmup} rides");
                _ = await StatusPhase.RunAsync(rides.Take(warmup).ToArray(), cancellationToken).ConfigureAwait(false);
                run.Progress("measuring ride status events");
                status = await StatusPhase.RunAsync(rides.Skip(warmup).ToArray(), cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await RunContext.DisposeAllAsync(clients).ConfigureAwait(false);
            }
        }

        LatencySummary relay, echoPing;
        ProcessMemory baseline;
        var (relayProcess, relayServer) = await run.StartRelayAsync(cancellationToken).ConfigureAwait(false);
        await using (relayProcess)
        {
            run.RecordMemory("before", [relayServer]);
            run.Progress($"pairing {o.Pairs} echo pairs on the relay");
            var clients = RunContext.NewBag();
            try
            {
                var echo = await PairEchoAsync(relayServer.Url, rides, clients, cancellationToken).ConfigureAwait(false);
                run.Progress("measuring the baseline relay");
                var lanes = rides.Select((r, i) => new LocationLane(echo[i].Sender, echo[i].Receiver, r.Area, EchoHub.RelayMethod, Driving, 0)).ToArray();
                relay = await LocationPhase.RunAsync(lanes, locations, cancellationToken).ConfigureAwait(false);
                baseline = run.RecordMemory("under load", [relayServer]);
                run.Progress("measuring the baseline ping");
                echoPing = await PingPhase.RunAsync([.. echo.SelectMany(e => new[] { e.Sender, e.Receiver })], HubMethodNames.Ping, pings, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await RunContext.DisposeAllAsync(clients).ConfigureAwait(false);
            }
        }

        run.Report.Latency("location fan-out: `update_location` → rider's `driver_location_update`", fanOut, "baseline relay: echo `relay` → `Clients.Client(id)`");
        run.Report.Latency("baseline relay: echo `relay` → `Clients.Client(id)`", relay);
        run.Report.Latency("`ping` round trip, rides hub", ping, "`ping` round trip, relay (baseline)");
        run.Report.Latency("`ping` round trip, relay (baseline)", echoPing);
        run.Report.Latency($"ride status (100/s, after {StatusPhase.WarmupRides(rides.Count)} rides' warm-up): `driver_arrived`/`start_ride` → rider's `ride_status_update`", status);
        run.Report.Figure("platform RSS under load (all processes)", ours.RssMiB, "MiB", baseline.RssMiB, "baseline: the relay process under the same load");
        run.Report.Figure("locations delivered per second", fanOut.PerSecond, "/s", relay.PerSecond);
        run.Report.Figure("locations lost", fanOut.Lost, "", relay.Lost);
    }

    private static async Task<IReadOnlyList<RidePair>> SetUpRidesAsync(RunContext run, RideSetup setup, System.Collections.Concurrent.ConcurrentBag<HubConnection> clients, CancellationToken cancellationToken)
    {
        using var gate = new SemaphoreSlim(run.Options.SetupConcurrency);
        var done = 0;
        return await Task.WhenAll(Enumerable.Range(0, run.Options.Pairs).Select(async index =>
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var pair = await setup.AcceptedAsync(index, cancellationToken).ConfigureAwait(false);
                clients.Add(pair.Driver);
                clients.Add(pair.Rider);
                if (Interlocked.Increment(ref done) % 500 == 0)
                {
                    run.Progress($"{done} rides set up");
                }

                return pair;
            }
            finally
            {
                gate.Release();
            }
        })).ConfigureAwait(false);
    }

    /// <summary>
    /// One echo pair per ride, carrying that ride's ids so its events are as long as the ride's. These connections
    /// negotiate (the rides hub's skip it): the pairing addresses the receiver by its server connection id, which
    /// a client learns only from negotiation.
    /// </summary>
    private static async Task<(HubConnection Sender, HubConnection Receiver)[]> PairEchoAsync(
        Uri server, IReadOnlyList<RidePair> rides, System.Collections.Concurrent.ConcurrentBag<HubConnection> clients, CancellationToken cancellationToken)
    {
        using var gate = new SemaphoreSlim(16);
        return await Task.WhenAll(rides.Select(async ride =>
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var sender = await HubConnections.ConnectAsync(server, EchoHub.Path, null, negotiate: true, cancellationToken).ConfigureAwait(false);
                clients.Add(sender);
                var receiver = await HubConnections.ConnectAsync(server, EchoHub.Path, null, negotiate: true, cancellationToken).ConfigureAwait(false);
                clients.Add(receiver);
                var pairing = new EchoPairPayload(receiver.ConnectionId!, ride.RideId, ride.DriverId);
                (await sender.InvokeTimedAsync(EchoHub.PairMethod, pairing, cancellationToken).ConfigureAwait(false)).Expect("pair");
                return (sender, receiver);
            }
            finally
            {
                gate.Release();
            }
        })).ConfigureAwait(false);
    }

    private static LocationPayload Driving(double latitude, double longitude) => new(latitude, longitude, Heading: 90, Speed: 8.5);
}
