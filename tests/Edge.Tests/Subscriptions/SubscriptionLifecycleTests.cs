using Rides.Grains.Events;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Rides.Edge.Tests.Client;
using Rides.Edge.Tests.Dialects;
using Rides.Grains;
using Xunit.Abstractions;

namespace Rides.Edge.Tests.Subscriptions;

/// <summary>Subscriptions are made on join and acceptance and released on leave and on disconnect; none leak.</summary>
public sealed class SubscriptionLifecycleTests(ITestOutputHelper output)
{
    private const int Cycles = 10_000;
    private const int Concurrency = 48;

    [Fact]
    public async Task Ten_thousand_connect_join_disconnect_cycles_leave_no_subscription_behind()
    {
        await using var server = await EdgeTestServer.StartAsync(minimumLogLevel: Microsoft.Extensions.Logging.LogLevel.Warning);
        var area = TestArea.Next();
        var riderId = TestIds.New("rider");
        var token = EdgeTestServer.Token(riderId, "rider");
        var created = await server.SendAsync(HttpMethod.Post, "/api/v1/riders/rides", token, area.RideRequest());
        Assert.Equal(201, created.Status);
        var join = new JsonObject { ["ride_id"] = created.Json.Str("ride_id") }.ToJsonString();
        var topicBaseline = server.Topics.TopicCount;

        var watch = Stopwatch.StartNew();
        var next = 0;
        var peak = 0L;
        var workers = Enumerable.Range(0, Concurrency).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) <= Cycles)
            {
                await using var client = await HubTestClient.ConnectAsync(server.BaseAddress, token, negotiate: false).DefaultTimeout();
                var joined = await client.InvokeRawAsync("join_ride_room", "[" + join + "]").DefaultTimeout();
                Envelope.Success(joined);
                InterlockedMax(ref peak, server.Subscriptions.SubscriptionCount);
            }
        })).ToArray();
        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromMinutes(3));
        await server.Subscriptions.UntilAsync(r => r.ConnectionCount == 0 && r.SubscriptionCount == 0, TimeSpan.FromSeconds(30));
        watch.Stop();

        output.WriteLine($"{Cycles} cycles at concurrency {Concurrency}: {watch.Elapsed.TotalSeconds:F1} s, peak {peak} subscriptions");
        Assert.Equal(0, server.Subscriptions.SubscriptionCount);
        Assert.Equal(0, server.Subscriptions.ConnectionCount);
        Assert.Equal(topicBaseline, server.Topics.TopicCount);
        Assert.Equal(0, await server.SubscribersAsync(Topics.RideStatus(created.Json.Str("ride_id")!)).DefaultTimeout());
        Assert.True(peak > 0, "The cycles never held a subscription, so they tested nothing.");
    }

    [Fact]
    public async Task Join_subscribes_three_ride_streams_for_the_rider_and_leave_releases_them()
    {
        await using var server = await EdgeTestServer.StartAsync();
        await using var scenario = await RideScenario.AcceptedAsync(server);
        var connection = scenario.Rider.Hub.ConnectionId;
        Assert.Equal(3, server.Subscriptions.TopicsOf(connection).Count(s => s.Key == scenario.RideId));

        // Joining again holds no second subscription to the same stream.
        Envelope.Success(await scenario.Rider.Hub.InvokeAsync("join_ride_room", scenario.RidePayload()).DefaultTimeout());
        Assert.Equal(3, server.Subscriptions.TopicsOf(connection).Count(s => s.Key == scenario.RideId));

        var left = Envelope.Success(await scenario.Rider.Hub.InvokeAsync("leave_ride_room", scenario.RidePayload()).DefaultTimeout());
        Assert.Equal("Left ride room", left.Str("message"));
        Assert.DoesNotContain(server.Subscriptions.TopicsOf(connection), s => s.Key == scenario.RideId);
        Assert.Equal([Topics.User(scenario.Rider.Id)], server.Subscriptions.TopicsOf(connection));

        // After leaving, the rider's connection no longer receives the ride's events.
        Envelope.Success(await scenario.Driver.Hub.InvokeAsync("driver_arrived", scenario.RidePayload()).DefaultTimeout());
        await scenario.Driver.Hub.Events.WaitForAsync("ride_status_update", e => e.Str("status") == "driverArrived");
        Envelope.Success(await scenario.Rider.Hub.InvokeAsync("ping", new JsonObject()).DefaultTimeout());
        Assert.DoesNotContain(scenario.Rider.Hub.Events.Of("ride_status_update"), e => e.Str("status") == "driverArrived");
    }

    [Fact]
    public async Task Disconnecting_releases_every_subscription_of_the_connection()
    {
        await using var server = await EdgeTestServer.StartAsync();
        var scenario = await RideScenario.AcceptedAsync(server);
        Assert.Equal(8, server.Subscriptions.SubscriptionCount); // each: its user stream, and status + chat (+ location for the rider, + offers for the driver)
        await scenario.DisposeAsync();
        await server.Subscriptions.UntilAsync(r => r.ConnectionCount == 0 && r.SubscriptionCount == 0, TestTimeouts.Event);
        Assert.Equal(0, server.Subscriptions.SubscriptionCount);
    }

    [Fact]
    public async Task A_driver_connection_holds_its_offer_subscription_from_connect_to_close_whatever_its_availability()
    {
        await using var server = await EdgeTestServer.StartAsync();
        await using var driver = await server.ConnectNewAsync("driver");
        await driver.Hub.Events.WaitForAsync("server_message"); // the welcome ends the server's connect handling
        Assert.Contains(Topics.DriverOffers(driver.Id), server.Subscriptions.TopicsOf(driver.Hub.ConnectionId));
        Envelope.Success(await driver.Hub.InvokeAsync("go_online", new JsonObject()).DefaultTimeout());
        var offline = Envelope.Success(await driver.Hub.InvokeAsync("go_offline", new JsonObject()).DefaultTimeout());
        Assert.Equal("Driver is now offline", offline.Str("message"));
        Assert.False(offline.At("is_online").GetBoolean());
        Assert.Contains(Topics.DriverOffers(driver.Id), server.Subscriptions.TopicsOf(driver.Hub.ConnectionId));

        await driver.Hub.DisposeAsync();
        await server.Subscriptions.UntilAsync(r => r.ConnectionCount == 0 && r.SubscriptionCount == 0, TestTimeouts.Event);
    }

    [Theory]
    [InlineData("canceled")]
    [InlineData("completed")]
    public async Task A_ride_that_ends_releases_its_subscriptions_on_connections_that_stay_open(string end)
    {
        await using var server = await EdgeTestServer.StartAsync(new Dictionary<string, string?> { ["Rides:Edge:Events:EndedRideLinger"] = "00:00:00.200" });
        await using var scenario = await RideScenario.AcceptedAsync(server);
        var rider = scenario.Rider.Hub.ConnectionId;
        var driver = scenario.Driver.Hub.ConnectionId;
        Assert.Equal(3, server.Subscriptions.TopicsOf(rider).Count(s => s.Key == scenario.RideId));
        Assert.Equal(2, server.Subscriptions.TopicsOf(driver).Count(s => s.Key == scenario.RideId));

        var final = end == "canceled" ? "canceled" : "completed";
        if (end == "canceled")
        {
            Envelope.Success(await scenario.Rider.Hub.InvokeAsync("cancel_ride", new JsonObject { ["ride_id"] = scenario.RideId, ["reason"] = "Changed my mind" }).DefaultTimeout());
        }
        else
        {
            Envelope.Success(await scenario.Driver.Hub.InvokeAsync("driver_arrived", scenario.RidePayload()).DefaultTimeout());
            Envelope.Success(await scenario.Driver.Hub.InvokeAsync("start_ride", scenario.RidePayload()).DefaultTimeout());
            Envelope.Success(await scenario.Driver.Hub.InvokeAsync("complete_ride", scenario.RidePayload()).DefaultTimeout());
        }

        // Both still hear the final status, then hold nothing of the ride: only their own user (and offer) streams.
        await scenario.Rider.Hub.Events.WaitForAsync("ride_status_update", e => e.Str("status") == final);
        await scenario.Driver.Hub.Events.WaitForAsync("ride_status_update", e => e.Str("status") == final);
        await server.Subscriptions.UntilAsync(r => r.SubscriptionCount == 3, TestTimeouts.Event);
        Assert.Equal([Topics.User(scenario.Rider.Id)], server.Subscriptions.TopicsOf(rider));
        Assert.Equal([Topics.DriverOffers(scenario.Driver.Id), Topics.User(scenario.Driver.Id)], server.Subscriptions.TopicsOf(driver).OrderBy(t => t.ToString(), StringComparer.Ordinal));
        Assert.Equal(0, await server.SubscribersAsync(Topics.RideStatus(scenario.RideId)).DefaultTimeout());
        Assert.Equal(0, await server.SubscribersAsync(Topics.RideChat(scenario.RideId)).DefaultTimeout());
        Assert.Equal(0, await server.SubscribersAsync(Topics.RideLocation(scenario.RideId)).DefaultTimeout());

        // Joining the ended ride answers its state and subscribes nothing: no event follows a final status.
        var joined = Envelope.Success(await scenario.Rider.Hub.InvokeAsync("join_ride_room", scenario.RidePayload()).DefaultTimeout());
        Assert.Equal(final, joined.Str("ride_data.status"));
        Assert.Equal([Topics.User(scenario.Rider.Id)], server.Subscriptions.TopicsOf(rider));
        Assert.False(scenario.Rider.Hub.Closed.IsCompleted || scenario.Driver.Hub.Closed.IsCompleted);
    }

    [Fact]
    public async Task A_seed_001_socket_releases_an_ended_rides_subscriptions_and_can_join_it_again()
    {
        await using var server = await EdgeTestServer.StartAsync(new Dictionary<string, string?> { ["Rides:Edge:Events:EndedRideLinger"] = "00:00:00.200" });
        await using var scenario = await RideScenario.AcceptedAsync(server);
        await using var socket = await server.Seed001Async(scenario.Rider.Token);
        await socket.WaitForAsync("connected");
        await server.Subscriptions.UntilAsync(r => r.ConnectionCount == 3, TestTimeouts.Event);
        var connected = server.Subscriptions.SubscriptionCount;
        await socket.RequestAsync(new JsonObject { ["type"] = "join_ride", ["ride_id"] = scenario.RideId }, "ride_joined");
        Assert.Equal(connected + 3, server.Subscriptions.SubscriptionCount);

        Envelope.Success(await scenario.Rider.Hub.InvokeAsync("cancel_ride", new JsonObject { ["ride_id"] = scenario.RideId, ["reason"] = "Changed my mind" }).DefaultTimeout());
        await socket.WaitForAsync("ride_cancelled");

        // The socket's three and the hub connections' five (rider 3, driver 2) go.
        await server.Subscriptions.UntilAsync(r => r.SubscriptionCount == connected - 5, TestTimeouts.Event);
        Assert.Equal(0, await server.SubscribersAsync(Topics.RideStatus(scenario.RideId)).DefaultTimeout());

        // Joining again after the end replays from the persisted log, once, and subscribes nothing.
        var again = await socket.RequestAsync(new JsonObject { ["type"] = "join_ride", ["ride_id"] = scenario.RideId, ["last_event_id"] = $"ride-status/{scenario.RideId}/2" }, "ride_joined");
        Assert.Equal("canceled", again.Str("data.status"));
        Assert.Equal(2, socket.Of("ride_cancelled").Count);
        Assert.Equal(connected - 5, server.Subscriptions.SubscriptionCount);
        Assert.True(socket.IsOpen);
    }

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Interlocked.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
