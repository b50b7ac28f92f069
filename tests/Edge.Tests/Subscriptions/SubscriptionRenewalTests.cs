using Rides.Edge.Subscriptions;
using Rides.Edge.Tests.Client;
using Rides.Grains.Events;

namespace Rides.Edge.Tests.Subscriptions;

/// <summary>
/// An edge renews its topic subscriptions one slice per membership check, so each is renewed once per renewal
/// period without a burst of calls; a subscription held across several leases must still deliver.
/// </summary>
public sealed class SubscriptionRenewalTests
{
    [Fact]
    public void Every_topic_falls_in_exactly_one_slice_and_the_slices_are_even()
    {
        const int slices = 30;
        var topics = Enumerable.Range(0, 30_000).Select(i => (i % 3) switch
        {
            0 => Topics.User("rider-" + i),
            1 => Topics.RideStatus("ride-" + i),
            _ => Topics.RideLocation("ride-" + i),
        }).ToList();

        var counts = new int[slices];
        foreach (var topic in topics)
        {
            var slice = TopicSubscriptions.SliceOf(topic, slices);
            Assert.InRange(slice, 0, slices - 1);
            Assert.Equal(slice, TopicSubscriptions.SliceOf(topic, slices));
            counts[slice]++;
        }

        // 1,000 a slice on average: a slice that is empty or holds twice its share would defeat the spreading.
        Assert.All(counts, n => Assert.InRange(n, 800, 1_200));
        Assert.All(topics.Take(100), t => Assert.Equal(0, TopicSubscriptions.SliceOf(t, 1)));
    }

    [Fact]
    public async Task A_ride_followed_for_three_leases_still_gets_the_drivers_locations()
    {
        // Lease 3 s, renewed every 1 s in 10 slices of 100 ms: without the renewals of every slice, the topics would
        // drop this node after 3 s and the last location would not arrive. (A 2 s lease left a renewal 1 s of slack,
        // which a loaded CI machine once used up.)
        await using var server = await EdgeTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Rides:Topics:SubscriptionLease"] = "00:00:03",
            ["Rides:Edge:Events:RenewalPeriod"] = "00:00:01",
            ["Rides:Edge:Events:MembershipCheckPeriod"] = "00:00:00.100",
        });
        await using var scenario = await RideScenario.AcceptedAsync(server);
        await Task.Delay(TimeSpan.FromSeconds(9.5));

        var before = scenario.Rider.Hub.Events.Count;
        Envelope.Success(await scenario.Driver.Hub.InvokeAsync("update_location", scenario.Area.Location(150)).DefaultTimeout());
        var moved = await scenario.Rider.Hub.Events.WaitForAsync("driver_location_update", e => e.Str("ride_id") == scenario.RideId, skip: before);
        Assert.Equal(scenario.Driver.Id, moved.Str("driver_id"));
        Assert.Equal(1, await server.SubscribersAsync(Topics.RideStatus(scenario.RideId)).DefaultTimeout());
    }
}
