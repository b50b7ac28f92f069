using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rides.Edge.Tests.Client;
using Xunit.Abstractions;

namespace Rides.Edge.Tests.Cluster;

/// <summary>Runs alone: its processes need the machine's cores for their timings to mean anything.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LocalClusterCollection : ICollectionFixture<LocalCluster>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "local cluster";
}

/// <summary>
/// What a cluster must survive, on real processes: <c>kill -9</c> of a silo, a killed edge, a race of drivers on
/// two edges, a PostgreSQL restart and a rolling restart of every silo. The goals are issue 8's: rides answer
/// again within 5 s, pushes resume within 5 s, nothing acknowledged is lost, outages answer SERVICE_UNAVAILABLE.
/// <c>RIDES_FAILOVER_TRIALS</c> sets the kill trials (default 2; bench/failover runs 20), and
/// <c>RIDES_FAILOVER_REPORT</c> names a file for the measured times.
/// </summary>
[Collection(LocalClusterCollection.Name)]
public sealed class LocalClusterTests(LocalCluster cluster, ITestOutputHelper output)
{
    private static readonly TimeSpan FailoverGoal = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Rides_of_a_killed_silo_answer_again_within_5_s_with_every_acknowledged_transition()
    {
        await cluster.EnsureAllRunningAsync();
        var trials = int.TryParse(Environment.GetEnvironmentVariable("RIDES_FAILOVER_TRIALS"), CultureInfo.InvariantCulture, out var n) ? n : 2;
        var rides = new List<(string Id, string Token, string[] Statuses)>();
        for (var i = 0; i < 24; i++)
        {
            var rider = TestIds.New("rider");
            var token = cluster.Token(rider, "rider");
            var edge = 1 + (i % 2);
            var created = await cluster.SendAsync(edge, HttpMethod.Post, "/api/v1/riders/rides", token, TestArea.Next().RideRequest());
            Assert.True(created.Status == 201, created.Text);
            var id = created.Json.Str("ride_id")!;
            string[] statuses = ["findingDriver", "canceled"]; // dispatch gives up on a ride without drivers in time
            if (i % 2 == 0)
            {
                // A second acknowledged transition on half of them.
                await using var rider1 = await HubTestClient.ConnectAsync(cluster.Edge(edge), token);
                Envelope.Success(await rider1.InvokeAsync("cancel_ride", new JsonObject { ["ride_id"] = id, ["reason"] = "changed plans" }).DefaultTimeout());
                statuses = ["canceled"];
            }

            rides.Add((id, token, statuses));
        }

        var worst = new List<double>();
        for (var trial = 0; trial < trials; trial++)
        {
            var victim = await cluster.SiloOfRideAsync(rides[trial % rides.Count].Id);
            var killed = Stopwatch.StartNew();
            await cluster.ScriptAsync("kill", "silo", victim.ToString(CultureInfo.InvariantCulture));
            try
            {
                var answeredAfter = await Task.WhenAll(rides.Select((ride, i) => AnsweredAfterAsync(1 + (i % 2), ride, killed)));
                worst.Add(answeredAfter.Max());
                output.WriteLine($"trial {trial + 1}: silo {victim} killed; slowest ride answered after {answeredAfter.Max():0.00} s, median ride {Median(answeredAfter):0.00} s");
            }
            finally
            {
                await cluster.ScriptAsync("start", "silo", victim.ToString(CultureInfo.InvariantCulture));
            }
        }

        var sorted = worst.Order().ToList();
        var p99 = sorted[(int)Math.Ceiling(0.99 * sorted.Count) - 1];
        var summary = $"failover over {trials} trials: median {Median(sorted):0.00} s, p99 {p99:0.00} s, worst {sorted[^1]:0.00} s";
        output.WriteLine(summary);
        if (Environment.GetEnvironmentVariable("RIDES_FAILOVER_REPORT") is { Length: > 0 } report)
        {
            await File.WriteAllTextAsync(report, summary + "\n" + string.Join("\n", worst.Select((w, i) => $"trial {i + 1}: {w:0.000} s")) + "\n");
        }

        Assert.True(p99 <= FailoverGoal.TotalSeconds, summary);
    }

    [Fact]
    public async Task A_rider_on_edge_1_follows_its_driver_on_edge_2_through_the_death_of_the_rides_silo()
    {
        await cluster.EnsureAllRunningAsync();
        await using var pair = await AcceptedPairAsync(riderEdge: 1, driverEdge: 2);
        var victim = await cluster.SiloOfRideAsync(pair.RideId);
        var killed = Stopwatch.StartNew();
        var killedAt = DateTimeOffset.UtcNow;
        await cluster.ScriptAsync("kill", "silo", victim.ToString(CultureInfo.InvariantCulture));

        // Pushes resume: the driver keeps sending (one a second, its limit) and a location reaches the rider.
        var sendPeriod = TimeSpan.FromMilliseconds(1100);
        var location = await RepeatUntilAsync(async () =>
        {
            await pair.Driver.Hub.InvokeAsync("update_location", pair.Area.Location(400)).DefaultTimeout();
            return pair.Rider.Hub.Events.All.Any(e => e.Target == "driver_location_update" && e.ReceivedAt > killedAt);
        }, sendPeriod, FailoverGoal + TimeSpan.FromSeconds(5));
        Assert.True(location, $"No location reached the rider within {FailoverGoal.TotalSeconds + 5} s of the kill.\n{cluster.Logs()}");
        var resumed = pair.Rider.Hub.Events.All.First(e => e.Target == "driver_location_update" && e.ReceivedAt > killedAt).ReceivedAt - killedAt;
        output.WriteLine($"location pushes resumed {resumed.TotalSeconds:0.00} s after the kill of silo {victim}");

        // The subscription is back within the goal; the first location after it may come one sending period later.
        Assert.True(resumed <= FailoverGoal + sendPeriod, $"Location pushes resumed only {resumed.TotalSeconds:0.00} s after the kill.");

        // Once the goal's 5 s have passed, every subscription must be back: a transition made then is pushed.
        // (One made earlier may be missed; replay closes that gap, checked below.)
        if (killed.Elapsed < FailoverGoal)
        {
            await Task.Delay(FailoverGoal - killed.Elapsed);
        }

        var arrived = await RepeatUntilAsync(async () =>
            (await pair.Driver.Hub.InvokeAsync("driver_arrived", pair.RidePayload()).DefaultTimeout()).Str("status") == "success",
            TimeSpan.FromMilliseconds(200), FailoverGoal);
        Assert.True(arrived, "driver_arrived did not succeed within 10 s of the kill.");
        await pair.Rider.Hub.Events.WaitForAsync("ride_status_update", e => e.Str("status") == "driverArrived", TimeSpan.FromSeconds(2));
        output.WriteLine($"a status event {killed.Elapsed.TotalSeconds:0.00} s after the kill was pushed");
        await AssertNoGapAfterReplayAsync(pair.Rider.Hub, pair.RideId, expectedLast: 3);

        await cluster.ScriptAsync("start", "silo", victim.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Twenty_drivers_on_two_edges_racing_to_accept_one_ride_give_exactly_one_winner_every_time()
    {
        await cluster.EnsureAllRunningAsync();
        for (var round = 0; round < 3; round++)
        {
            var area = TestArea.Next();
            var drivers = new List<TestUser>();
            try
            {
                for (var i = 0; i < 20; i++)
                {
                    var driver = await cluster.ConnectNewAsync(1 + (i % 2), "driver");
                    drivers.Add(driver);
                    Envelope.Success(await driver.Hub.InvokeAsync("go_online", new JsonObject()).DefaultTimeout());
                    Envelope.Success(await driver.Hub.InvokeAsync("update_location", area.Location(50 + (i * 10))).DefaultTimeout());
                }

                var rider = TestIds.New("rider");
                var created = await cluster.SendAsync(1, HttpMethod.Post, "/api/v1/riders/rides", cluster.Token(rider, "rider"), area.RideRequest());
                Assert.True(created.Status == 201, created.Text);
                var rideId = created.Json.Str("ride_id")!;
                await Task.WhenAny(drivers.Select(d => d.Hub.Events.WaitForAsync("new_ride_request", e => e.Str("ride_id") == rideId))).Unwrap();

                var answers = await Task.WhenAll(drivers.Select(d => d.Hub.InvokeAsync("accept_ride", new JsonObject { ["ride_id"] = rideId }).DefaultTimeout()));
                var winners = answers.Count(a => a.Str("status") == "success");
                var codes = answers.Where(a => a.Str("status") != "success").Select(a => a.Str("code")).Distinct().Order();
                output.WriteLine($"round {round + 1}: {winners} winner(s); the others were told {string.Join(", ", codes)}");
                Assert.Equal(1, winners);
                Assert.All(answers.Where(a => a.Str("status") != "success"), a => Assert.Contains(a.Str("code"), new[] { "RIDE_ALREADY_ASSIGNED", "RIDE_NOT_OFFERED", "OFFER_EXPIRED", "INVALID_TRANSITION", "CONFLICT" }));
            }
            finally
            {
                foreach (var driver in drivers)
                {
                    await driver.DisposeAsync();
                }
            }
        }
    }

    [Fact]
    public async Task Clients_of_a_killed_edge_reconnect_to_the_other_and_resume_from_their_last_event_without_a_gap()
    {
        await cluster.EnsureAllRunningAsync();
        await using var pair = await AcceptedPairAsync(riderEdge: 1, driverEdge: 2);
        var lastSeen = pair.Rider.Hub.Events.Of("ride_status_update").Max(e => e.Long("seq"));
        await cluster.ScriptAsync("kill", "edge", "1");
        try
        {
            // While the rider is cut off, the driver goes on.
            Envelope.Success(await pair.Driver.Hub.InvokeAsync("driver_arrived", pair.RidePayload()).DefaultTimeout());
            await using var again = await HubTestClient.ConnectAsync(cluster.Edge(2), pair.Rider.Token);
            Envelope.Success(await again.InvokeAsync("join_ride_room", pair.RidePayload()).DefaultTimeout());
            var missed = Envelope.Success(await again.InvokeAsync("get_missed_events", new JsonObject { ["ride_id"] = pair.RideId, ["after_seq"] = lastSeen }).DefaultTimeout());
            var seqs = missed.At("events").EnumerateArray().Select(e => e.Long("seq")).ToList();
            Assert.Equal(Enumerable.Range((int)lastSeen + 1, seqs.Count).Select(i => (long)i), seqs);
            Assert.Contains(missed.At("events").EnumerateArray(), e => e.Str("status") == "driverArrived");
        }
        finally
        {
            await cluster.ScriptAsync("start", "edge", "1");
        }
    }

    [Fact]
    public async Task A_PostgreSQL_restart_under_load_answers_SERVICE_UNAVAILABLE_then_recovers_and_loses_nothing_acknowledged()
    {
        await cluster.EnsureAllRunningAsync();
        var acknowledged = new ConcurrentBag<(string Id, string Token)>();
        var answers = new ConcurrentBag<(int Status, string? Code, double Seconds)>();
        using var stop = new CancellationTokenSource();
        var databaseBack = 0;
        var acknowledgedSinceBack = 0;
        var recoveredSignal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var load = Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var token = cluster.Token(TestIds.New("rider"), "rider");
                var started = Stopwatch.StartNew();
                RestAnswer answer;
                try
                {
                    answer = await cluster.SendAsync(1 + (worker % 2), HttpMethod.Post, "/api/v1/riders/rides", token, TestArea.Next().RideRequest(), TimeSpan.FromSeconds(35));
                }
                catch (TaskCanceledException)
                {
                    answers.Add((0, "HUNG", started.Elapsed.TotalSeconds));
                    continue;
                }

                answers.Add((answer.Status, answer.Status == 201 ? null : answer.Json.Str("code"), started.Elapsed.TotalSeconds));
                if (answer.Status == 201)
                {
                    acknowledged.Add((answer.Json.Str("ride_id")!, token));
                    if (Volatile.Read(ref databaseBack) == 1 && Interlocked.Increment(ref acknowledgedSinceBack) >= 5)
                    {
                        recoveredSignal.TrySetResult();
                    }
                }
                else
                {
                    Envelope.AssertNoInternals(answer.Json);
                    await Task.Delay(100);
                }
            }
        })).ToList();

        await Task.Delay(TimeSpan.FromSeconds(2));
        await cluster.ScriptAsync("stop", "postgres");
        await Task.Delay(TimeSpan.FromSeconds(5));
        var duringOutage = answers.Count;
        await cluster.ScriptAsync("start", "postgres");
        var recovered = Stopwatch.StartNew();
        var before = acknowledged.Count;
        Volatile.Write(ref databaseBack, 1);
        try
        {
            // Five rides acknowledged after the restart, or give up after 30 s (the assertion below says which).
            await recoveredSignal.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
        }

        output.WriteLine($"recovered {recovered.Elapsed.TotalSeconds:0.0} s after PostgreSQL came back");
        await stop.CancelAsync();
        await Task.WhenAll(load);

        var refused = answers.Where(a => a.Status != 201).ToList();
        output.WriteLine($"{answers.Count} requests, {acknowledged.Count} acknowledged, {refused.Count} refused: " +
            string.Join(", ", refused.GroupBy(a => $"{a.Status} {a.Code}").Select(g => $"{g.Key} ×{g.Count()}")) +
            $"; slowest answer {answers.Max(a => a.Seconds):0.00} s");
        Assert.True(acknowledged.Count > before, $"Requests did not succeed again within 30 s after PostgreSQL came back.\n{cluster.Logs()}");
        Assert.NotEmpty(refused);
        Assert.All(refused, a => Assert.True(a is { Status: 503, Code: "SERVICE_UNAVAILABLE" }, $"During the outage a request answered {a.Status} {a.Code} after {a.Seconds:0.0} s."));
        Assert.True(answers.Max(a => a.Seconds) < 31, "A request took longer than the call timeout.");
        Assert.True(duringOutage > 0);

        foreach (var (id, token) in acknowledged)
        {
            var read = await cluster.SendAsync(2, HttpMethod.Get, $"/api/v1/rides/{id}", token);
            Assert.True(read.Status == 200, $"Acknowledged ride {id} is lost: {read.Status} {read.Text}");
        }
    }

    [Fact]
    public async Task A_rolling_restart_of_every_silo_under_load_keeps_events_flowing_and_loses_nothing_acknowledged()
    {
        await cluster.EnsureAllRunningAsync();
        await using var pair = await AcceptedPairAsync(riderEdge: 1, driverEdge: 2);
        using var stop = new CancellationTokenSource();
        var driving = Task.Run(async () =>
        {
            var step = 0;
            while (!stop.IsCancellationRequested)
            {
                await pair.Driver.Hub.InvokeAsync("update_location", pair.Area.Location(200 + (step++ % 50))).DefaultTimeout();
                await Task.Delay(1050);
            }
        });

        var restart = Stopwatch.StartNew();
        for (var silo = 1; silo <= cluster.SiloCount; silo++)
        {
            await cluster.ScriptAsync("stop", "silo", silo.ToString(CultureInfo.InvariantCulture));
            await cluster.ScriptAsync("start", "silo", silo.ToString(CultureInfo.InvariantCulture));
        }

        output.WriteLine($"rolling restart of {cluster.SiloCount} silos took {restart.Elapsed.TotalSeconds:0.0} s");
        await Task.Delay(TimeSpan.FromSeconds(3));
        await stop.CancelAsync();
        await driving;

        var arrivals = pair.Rider.Hub.Events.All.Where(e => e.Target == "driver_location_update").Select(e => e.ReceivedAt).ToList();
        var gaps = arrivals.Zip(arrivals.Skip(1), (a, b) => (b - a).TotalSeconds).DefaultIfEmpty(0).ToList();
        output.WriteLine($"{arrivals.Count} locations reached the rider during the restart; longest gap {gaps.Max():0.00} s");
        Assert.True(arrivals.Count >= restart.Elapsed.TotalSeconds / 2, $"Only {arrivals.Count} locations in {restart.Elapsed.TotalSeconds:0} s.");
        Assert.True(gaps.Max() <= 10, $"Location pushes stopped for {gaps.Max():0.0} s during the rolling restart.");

        Envelope.Success(await pair.Driver.Hub.InvokeAsync("driver_arrived", pair.RidePayload()).DefaultTimeout());
        await AssertNoGapAfterReplayAsync(pair.Rider.Hub, pair.RideId, expectedLast: 3);
    }

    [Fact]
    public async Task The_dashboard_of_every_silo_shows_every_silo_of_the_cluster()
    {
        await cluster.EnsureAllRunningAsync();
        for (var silo = 1; silo <= cluster.SiloCount; silo++)
        {
            using var http = new HttpClient { BaseAddress = new Uri(cluster.Silo(silo).Url + "/"), Timeout = TestTimeouts.Event };
            var active = 0;
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromSeconds(20))
            {
                // The dashboard's own data feed (Development: no token needed); it refreshes its counters every 5 s.
                using var counters = JsonDocument.Parse(await http.GetStringAsync("dashboard/DashboardCounters"));
                active = counters.RootElement.GetProperty("hosts").EnumerateArray().Count(h => h.GetProperty("status").GetString() == "Active");
                if (active == cluster.SiloCount)
                {
                    break;
                }

                await Task.Delay(500);
            }

            Assert.Equal(cluster.SiloCount, active);
        }
    }

    private async Task<double> AnsweredAfterAsync(int edge, (string Id, string Token, string[] Statuses) ride, Stopwatch since)
    {
        while (since.Elapsed < TimeSpan.FromSeconds(30))
        {
            try
            {
                var read = await cluster.SendAsync(edge, HttpMethod.Get, $"/api/v1/rides/{ride.Id}", ride.Token, timeout: TimeSpan.FromSeconds(2));
                if (read.Status == 200)
                {
                    var at = since.Elapsed.TotalSeconds;
                    Assert.Contains(read.Json.Str("ride_data.status"), ride.Statuses);
                    return at;
                }
            }
            catch (TaskCanceledException)
            {
                // Timed out: ask again.
            }

            await Task.Delay(50);
        }

        Assert.Fail($"Ride {ride.Id} did not answer within 30 s of the kill.\n{cluster.Logs()}");
        return double.NaN;
    }

    private static async Task<bool> RepeatUntilAsync(Func<Task<bool>> attempt, TimeSpan pause, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            try
            {
                if (await attempt())
                {
                    return true;
                }
            }
            catch (TimeoutException)
            {
                // The call itself timed out during the failover: try again.
            }

            await Task.Delay(pause);
        }

        return false;
    }

    private static async Task AssertNoGapAfterReplayAsync(HubTestClient rider, string rideId, long expectedLast)
    {
        var pushed = rider.Events.Of("ride_status_update").Where(e => e.Str("ride_id") == rideId).Select(e => e.Long("seq")).ToList();
        Assert.Equal(pushed.Distinct().Count(), pushed.Count); // no duplicate push
        var replay = Envelope.Success(await rider.InvokeAsync("get_missed_events", new JsonObject { ["ride_id"] = rideId, ["after_seq"] = 0 }).DefaultTimeout());
        var replayed = replay.At("events").EnumerateArray().Select(e => e.Long("seq")).ToList();
        Assert.Equal(Enumerable.Range(1, (int)expectedLast).Select(i => (long)i), replayed);
        Assert.All(pushed, seq => Assert.Contains(seq, replayed));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private async Task<AcceptedPair> AcceptedPairAsync(int riderEdge, int driverEdge)
    {
        var area = TestArea.Next();
        var driver = await cluster.ConnectNewAsync(driverEdge, "driver");
        Envelope.Success(await driver.Hub.InvokeAsync("go_online", new JsonObject()).DefaultTimeout());
        Envelope.Success(await driver.Hub.InvokeAsync("update_location", area.Location(150)).DefaultTimeout());
        var rider = await cluster.ConnectNewAsync(riderEdge, "rider");
        var created = await cluster.SendAsync(riderEdge, HttpMethod.Post, "/api/v1/riders/rides", rider.Token, area.RideRequest());
        Assert.True(created.Status == 201, created.Text);
        var rideId = created.Json.Str("ride_id")!;
        Envelope.Success(await rider.Hub.InvokeAsync("join_ride_room", new JsonObject { ["ride_id"] = rideId }).DefaultTimeout());
        await driver.Hub.Events.WaitForAsync("new_ride_request", e => e.Str("ride_id") == rideId);
        Envelope.Success(await driver.Hub.InvokeAsync("accept_ride", new JsonObject { ["ride_id"] = rideId }).DefaultTimeout());
        await rider.Hub.Events.WaitForAsync("ride_status_update", e => e.Str("status") == "arrivingToPickup");
        await Task.Delay(1100); // location updates are limited to one a second per driver
        Envelope.Success(await driver.Hub.InvokeAsync("update_location", area.Location(120)).DefaultTimeout());
        await rider.Hub.Events.WaitForAsync("driver_location_update");
        return new AcceptedPair(area, rider, driver, rideId);
    }

    private sealed record AcceptedPair(TestArea Area, TestUser Rider, TestUser Driver, string RideId) : IAsyncDisposable
    {
        public JsonObject RidePayload() => new() { ["ride_id"] = RideId };

        public async ValueTask DisposeAsync()
        {
            await Rider.DisposeAsync();
            await Driver.DisposeAsync();
        }
    }
}
