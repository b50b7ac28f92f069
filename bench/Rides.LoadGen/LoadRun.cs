using System.Collections.Concurrent;
using Rides.Edge.Protocol;
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
        var clients = new ConcurrentBag<RawHubClient>();
        try
        {
            log.WriteLine($"host at {host.BaseAddress}; setting up {options.Rides} rides and {options.Rides} echo pairs");
            var rides = await SetUpRidesAsync(options, new RideSetup(http, host.BaseAddress, Guid.NewGuid().ToString("N")[..8]), clients, cancellationToken).ConfigureAwait(false);
            var echo = await PairEchoAsync(http, host.BaseAddress, rides, clients, cancellationToken).ConfigureAwait(false);

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
            return new RunResult(fanOut, relay, ping, echoPing);
        }
        finally
        {
            await Task.WhenAll(clients.Select(c => c.DisposeAsync().AsTask())).ConfigureAwait(false);
        }
    }

    private static async Task<IReadOnlyList<RidePair>> SetUpRidesAsync(LoadGenOptions options, RideSetup setup, ConcurrentBag<RawHubClient> clients, CancellationToken cancellationToken)
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

    /// <summary>One echo pair per ride, carrying that ride's ids so its events are as long as the ride's.</summary>
    private static async Task<(RawHubClient Sender, RawHubClient Receiver)[]> PairEchoAsync(
        HttpClient http, Uri server, IReadOnlyList<RidePair> rides, ConcurrentBag<RawHubClient> clients, CancellationToken cancellationToken)
    {
        var pairs = new List<(RawHubClient, RawHubClient)>();
        foreach (var ride in rides)
        {
            var sender = await RawHubClient.ConnectAsync(http, server, EchoHub.Path, null, cancellationToken).ConfigureAwait(false);
            clients.Add(sender);
            var receiver = await RawHubClient.ConnectAsync(http, server, EchoHub.Path, null, cancellationToken).ConfigureAwait(false);
            clients.Add(receiver);
            var pairing = $"{{\"to\":\"{receiver.ConnectionId}\",\"ride_id\":\"{ride.RideId}\",\"driver_id\":\"{ride.DriverId}\"}}";
            Envelope.Expect(await sender.InvokeAsync(EchoHub.PairMethod, pairing, cancellationToken).ConfigureAwait(false), "pair");
            pairs.Add((sender, receiver));
        }

        return [.. pairs];
    }

    private static LocationLane[] Lanes(IReadOnlyList<RidePair> rides, (RawHubClient Sender, RawHubClient Receiver)[] ends, string method, Func<RidePair, long> lastAnswerAt) =>
        [.. rides.Select((r, i) => new LocationLane(ends[i].Sender, ends[i].Receiver, r.Area, method, LocationPayload, lastAnswerAt(r)))];

    private static string LocationPayload(double latitude, double longitude) =>
        $"{{\"latitude\":{RideArea.Json(latitude)},\"longitude\":{RideArea.Json(longitude)},\"heading\":90,\"speed\":8.5}}";
}
