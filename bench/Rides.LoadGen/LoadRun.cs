using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR.Client;
using Rides.Edge.Protocol;
using Rides.Edge.Protocol.Payloads;
using Rides.LoadGen.Baseline;
using Rides.LoadGen.Client;
using Rides.LoadGen.Hosting;
using Rides.LoadGen.Measurement;
using Rides.LoadGen.Scenario;

namespace Rides.LoadGen;

/// <summary>
/// One run: starts the host, sets up the rides and the baseline pairs, then measures, each ours next to its
/// baseline: location fan-out, relay, rides ping, echo ping. Both sides use the same client code, the same
/// number of connections and the same pacing.
/// </summary>
public static class LoadRun
{
    /// <summary>Runs and returns the four summaries; <paramref name="log"/> gets progress lines.</summary>
    public static async Task<RunResult> RunAsync(LoadGenOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        await using var host = await EmbeddedHost.StartAsync(cancellationToken).ConfigureAwait(false);
        using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var clients = new ConcurrentBag<HubConnection>();
        try
        {
            log.WriteLine($"host at {host.BaseAddress}; setting up {options.Rides} rides and {options.Rides} echo pairs");
            var rides = await SetUpRidesAsync(options, new RideSetup(http, host.BaseAddress, Guid.NewGuid().ToString("N")[..8]), clients, cancellationToken).ConfigureAwait(false);
            var echo = await PairEchoAsync(host.BaseAddress, rides, clients, cancellationToken).ConfigureAwait(false);

            var locations = new PhaseOptions(options.Warmup, options.Seconds);
            var pings = new PhaseOptions(options.Warmup, options.PingRounds);
            log.WriteLine("measuring location fan-out");
            var ours = rides.Select(r => (Sender: r.Driver, Receiver: r.Rider)).ToArray();
            var fanOut = await LocationPhase.RunAsync(Lanes(rides, ours, HubMethodNames.UpdateLocation, r => r.LastLocationAt), locations, cancellationToken).ConfigureAwait(false);
            log.WriteLine("measuring baseline relay");
            var relay = await LocationPhase.RunAsync(Lanes(rides, echo, EchoHub.RelayMethod, _ => 0), locations, cancellationToken).ConfigureAwait(false);
            log.WriteLine("measuring ping");
            var ping = await PingPhase.RunAsync([.. ours.SelectMany(e => new[] { e.Sender, e.Receiver })], HubMethodNames.Ping, pings, cancellationToken).ConfigureAwait(false);
            log.WriteLine("measuring baseline ping");
            var echoPing = await PingPhase.RunAsync([.. echo.SelectMany(e => new[] { e.Sender, e.Receiver })], HubMethodNames.Ping, pings, cancellationToken).ConfigureAwait(false);
            log.WriteLine("measuring ride status events");
            var status = await StatusPhase.RunAsync(rides, cancellationToken).ConfigureAwait(false);
            return new RunResult(fanOut, relay, ping, echoPing, status);
        }
        finally
        {
            await Task.WhenAll(clients.Select(c => c.DisposeAsync().AsTask())).ConfigureAwait(false);
        }
    }

    private static async Task<IReadOnlyList<RidePair>> SetUpRidesAsync(LoadGenOptions options, RideSetup setup, ConcurrentBag<HubConnection> clients, CancellationToken cancellationToken)
    {
        using var gate = new SemaphoreSlim(options.SetupConcurrency);
        var pairs = await Task.WhenAll(Enumerable.Range(0, options.Rides).Select(async index =>
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var pair = await setup.AcceptedAsync(index, cancellationToken).ConfigureAwait(false);
                clients.Add(pair.Driver);
                clients.Add(pair.Rider);
                return pair;
            }
            finally
            {
                gate.Release();
            }
        })).ConfigureAwait(false);
        return pairs;
    }

    /// <summary>
    /// One echo pair per ride, carrying that ride's ids so its events are as long as the ride's. These connections
    /// negotiate (the rides hub's skip it): the pairing addresses the receiver by its server connection id, which
    /// a client learns only from negotiation.
    /// </summary>
    private static async Task<(HubConnection Sender, HubConnection Receiver)[]> PairEchoAsync(
        Uri server, IReadOnlyList<RidePair> rides, ConcurrentBag<HubConnection> clients, CancellationToken cancellationToken)
    {
        var pairs = new List<(HubConnection, HubConnection)>();
        foreach (var ride in rides)
        {
            var sender = await HubConnections.ConnectAsync(server, EchoHub.Path, null, negotiate: true, cancellationToken).ConfigureAwait(false);
            clients.Add(sender);
            var receiver = await HubConnections.ConnectAsync(server, EchoHub.Path, null, negotiate: true, cancellationToken).ConfigureAwait(false);
            clients.Add(receiver);
            var pairing = new EchoPairPayload(receiver.ConnectionId!, ride.RideId, ride.DriverId);
            (await sender.InvokeTimedAsync(EchoHub.PairMethod, pairing, cancellationToken).ConfigureAwait(false)).Expect("pair");
            pairs.Add((sender, receiver));
        }

        return [.. pairs];
    }

    private static LocationLane[] Lanes(IReadOnlyList<RidePair> rides, (HubConnection Sender, HubConnection Receiver)[] ends, string method, Func<RidePair, long> lastAnswerAt) =>
        [.. rides.Select((r, i) => new LocationLane(ends[i].Sender, ends[i].Receiver, r.Area, method, Driving, lastAnswerAt(r)))];

    private static LocationPayload Driving(double latitude, double longitude) => new(latitude, longitude, Heading: 90, Speed: 8.5);
}
