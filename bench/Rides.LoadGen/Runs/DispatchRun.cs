using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.SignalR.Client;
using Rides.Edge.Protocol;
using Rides.Edge.Protocol.Events;
using Rides.Edge.Protocol.Payloads;
using Rides.LoadGen.Client;
using Rides.LoadGen.Measurement;
using Rides.LoadGen.Scenario;

namespace Rides.LoadGen.Runs;

/// <summary>
/// <c>dispatch</c>: D drivers online in zones of about ten (each zone a pickup, its drivers 100 to 500 m from it,
/// each refreshing its location every 10 s so none goes stale), and ride requests at R a second, open loop, each
/// from an idle rider to the next zone. Timed: from just before <c>request_ride</c> to the first
/// <c>new_ride_request</c> for that ride on any driver's socket (a batch goes to the five nearest drivers). Once
/// offered, the rider cancels (the offers are withdrawn) and goes back to the idle riders: the load is the same
/// every second however long it runs, no driver gets busy and no rider keeps an active ride. A request due when
/// no rider is idle is not sent and is counted.
/// </summary>
public static class DispatchRun
{
    private const int DriversPerZone = 10;
    private static readonly TimeSpan OfferTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan LocationRefresh = TimeSpan.FromSeconds(10);

    /// <summary>Runs the scenario.</summary>
    public static async Task RunAsync(RunContext run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var o = run.Options;
        var warmup = TimeSpan.FromSeconds(o.Warmup ?? 5);
        var measured = TimeSpan.FromSeconds(o.Seconds ?? 30);
        var riders = o.Riders > 0 ? o.Riders : Math.Max(20, 4 * o.Rate);
        var zones = Math.Max(1, (o.Drivers + DriversPerZone - 1) / DriversPerZone);
        var s = run.Report.Settings;
        s["drivers"] = o.Drivers.ToString(CultureInfo.InvariantCulture);
        s["zones"] = zones.ToString(CultureInfo.InvariantCulture);
        s["requests per second"] = o.Rate.ToString(CultureInfo.InvariantCulture);
        s["riders"] = riders.ToString(CultureInfo.InvariantCulture);
        s["measured"] = $"{measured.TotalSeconds:0} s (+{warmup.TotalSeconds:0} s warm-up)";

        await using var target = await run.StartTargetAsync(cancellationToken).ConfigureAwait(false);
        var apis = target.Edges.Select(e => new RidesApi(run.Http, e)).ToArray();
        var pending = new ConcurrentDictionary<string, TaskCompletionSource<long>>(StringComparer.Ordinal);
        var offers = 0L;
        void OnOffer(NewRideRequest offer)
        {
            var at = Stopwatch.GetTimestamp();
            Interlocked.Increment(ref offers);
            if (pending.TryGetValue(offer.RideId, out var first))
            {
                first.TrySetResult(at);
            }
        }

        var connections = RunContext.NewBag();
        try
        {
            run.Progress($"{o.Drivers} drivers going online in {zones} zones");
            var drivers = await Users.ForEachAsync(o.Drivers, o.SetupConcurrency, async j =>
            {
                var driver = await Users.ConnectAsync(apis[j % apis.Length], $"lgd-{run.Tag}-d{j}", "driver", cancellationToken).ConfigureAwait(false);
                connections.Add(driver);
                driver.On<NewRideRequest>(ClientMethodNames.NewRideRequest, OnOffer);
                (await driver.InvokeTimedAsync(HubMethodNames.GoOnline, new EmptyPayload(), cancellationToken).ConfigureAwait(false)).Expect("go_online");
                var position = DriverPosition(j, zones);
                (await driver.InvokeTimedAsync(HubMethodNames.UpdateLocation, position, cancellationToken).ConfigureAwait(false)).Expect("update_location");
                return (Connection: driver, Position: position);
            }, n => { if (n % 500 == 0) { run.Progress($"{n} drivers online"); } }).ConfigureAwait(false);

            run.Progress($"{riders} riders connecting");
            var idle = new ConcurrentQueue<HubConnection>(await Users.ForEachAsync(riders, o.SetupConcurrency, async i =>
            {
                var rider = await Users.ConnectAsync(apis[(i + 1) % apis.Length], $"lgd-{run.Tag}-r{i}", "rider", cancellationToken).ConfigureAwait(false);
                connections.Add(rider);
                return rider;
            }).ConfigureAwait(false));

            var memoryBefore = run.RecordMemory("before the requests", target.Processes);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var refresher = RefreshLocationsAsync(drivers, stop.Token);
            var toOffer = new SampleSet();
            var requestAnswer = new SampleSet();
            var cancelAnswer = new SampleSet();
            var skipped = 0;
            var sent = 0;
            var sentAll = 0;
            var inFlight = new ConcurrentDictionary<int, Task>();
            run.Progress($"requesting {o.Rate} rides a second for {(warmup + measured).TotalSeconds:0} s");
            var clock = Stopwatch.StartNew();
            var total = (long)((warmup + measured).TotalSeconds * o.Rate);
            for (var k = 0L; k < total; k++)
            {
                var due = TimeSpan.FromSeconds((double)k / o.Rate);
                await Pacing.UntilAsync(clock, due, cancellationToken).ConfigureAwait(false);

                var isMeasured = due >= warmup;
                if (!idle.TryDequeue(out var rider))
                {
                    if (isMeasured)
                    {
                        skipped++;
                    }

                    continue;
                }

                var number = (int)k;
                sent += isMeasured ? 1 : 0;
                sentAll++;
                var zone = number % zones;
                var rideId = $"lgd-{run.Tag}-{number}";
                var task = RequestAsync(rider, rideId, new RideArea(zone), pending, isMeasured ? toOffer : null, isMeasured ? requestAnswer : null, isMeasured ? cancelAnswer : null, cancellationToken);
                inFlight[number] = task.ContinueWith(_ =>
                {
                    idle.Enqueue(rider);
                    inFlight.TryRemove(number, out Task? _);
                }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                if (k % (o.Rate * 10) == 0 && k > 0)
                {
                    run.Progress($"{k} requests, {toOffer.Count} measured offers, {idle.Count} riders idle, load {MachineLoad.Now()}");
                }
            }

            var elapsed = clock.Elapsed;
            run.Progress("waiting for the last requests");
            await Task.WhenAll(inFlight.Values.ToArray()).WaitAsync(TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
            var memoryAfter = run.RecordMemory("after the requests", target.Processes);
            await stop.CancelAsync().ConfigureAwait(false);
            await refresher.ConfigureAwait(false);

            run.Report.Latency("`request_ride` → first `new_ride_request` on a driver's socket", toOffer.Summarize());
            run.Report.Latency("`request_ride` answer (rider)", requestAnswer.Summarize());
            run.Report.Latency("`cancel_ride` answer (rider, once offered)", cancelAnswer.Summarize());
            run.Report.Figure("requests sent per second (measured)", sent / measured.TotalSeconds, "/s", o.Rate, "baseline: the rate asked for");
            run.Report.Figure("requests not sent: no rider idle", skipped, "");
            run.Report.Figure("offers received per request (warm-up included)", sentAll == 0 ? double.NaN : Interlocked.Read(ref offers) / (double)sentAll, "");
            run.Report.Figure("platform RSS before / after the requests", memoryAfter.RssMiB, "MiB", memoryBefore.RssMiB, "baseline: before");
            run.Report.Figure("requesting phase", elapsed.TotalSeconds, "s");
            run.Report.Notes.Add("Request → first offer by 10 s of the measured window (p50 / p99 / max ms): " + toOffer.WindowLine(TimeSpan.FromSeconds(10)));
            run.Report.Notes.Add("Goal (issue 10): p99 of request → first offer ≤ 50 ms at 200 requests/s with 2,000 drivers online.");
        }
        finally
        {
            await RunContext.DisposeAllAsync(connections).ConfigureAwait(false);
        }
    }

    /// <summary>Driver <paramref name="j"/>'s place: zone j mod Z, 100 m north of its pickup and 40 m further for each driver before it there.</summary>
    private static LocationPayload DriverPosition(int j, int zones)
    {
        var zone = new RideArea(j % zones);
        var metres = 100 + 40 * (j / zones);
        return new LocationPayload(zone.Latitude + metres / 111_320d, zone.Longitude, Heading: 0, Speed: 0);
    }

    private static async Task RequestAsync(
        HubConnection rider, string rideId, RideArea zone, ConcurrentDictionary<string, TaskCompletionSource<long>> pending,
        SampleSet? toOffer, SampleSet? requestAnswer, SampleSet? cancelAnswer, CancellationToken cancellationToken)
    {
        var offered = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[rideId] = offered;
        try
        {
            var sentAt = Stopwatch.GetTimestamp();
            var answer = await rider.InvokeTimedAsync(HubMethodNames.RequestRide, RidesApi.RideRequestBody(zone.Latitude, zone.Longitude, rideId), cancellationToken).ConfigureAwait(false);
            if (!answer.IsSuccess)
            {
                toOffer?.Refuse(answer.Code);
                return;
            }

            requestAnswer?.Add(answer.SentAt, answer.ReceivedAt);
            try
            {
                var at = await offered.Task.WaitAsync(OfferTimeout, cancellationToken).ConfigureAwait(false);
                toOffer?.Add(sentAt, at);
            }
            catch (TimeoutException)
            {
                toOffer?.Lose();
            }

            var canceled = await rider.InvokeTimedAsync(HubMethodNames.CancelRide, new CancelRidePayload(rideId, "load test"), cancellationToken).ConfigureAwait(false);
            if (canceled.IsSuccess)
            {
                cancelAnswer?.Add(canceled.SentAt, canceled.ReceivedAt);
            }
            else
            {
                cancelAnswer?.Refuse(canceled.Code);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            toOffer?.Refuse(ex.GetType().Name);
        }
        finally
        {
            pending.TryRemove(rideId, out _);
        }
    }

    /// <summary>Every driver reports its place again every 10 s (spread over the 10 s), so dispatch never finds it stale.</summary>
    private static async Task RefreshLocationsAsync((HubConnection Connection, LocationPayload Position)[] drivers, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            for (var round = 1; ; round++)
            {
                for (var j = 0; j < drivers.Length; j++)
                {
                    var due = LocationRefresh * round + LocationRefresh * j / drivers.Length;
                    await Pacing.UntilAsync(clock, due, cancellationToken).ConfigureAwait(false);

                    var (connection, position) = drivers[j];
                    _ = connection.InvokeTimedAsync(HubMethodNames.UpdateLocation, position, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
