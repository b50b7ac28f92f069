using System.Collections.Concurrent;
using Rides.Runtime.Hosting;
using Rides.Runtime.Streams;
using Rides.Runtime.Tests.Grains;
using Rides.TestInfrastructure;

namespace Rides.Runtime.Tests;

public sealed class StreamTests
{
    [Fact]
    public async Task Events_arrive_in_order_with_consecutive_sequence_numbers()
    {
        var (cluster, _, _) = await ClusterFactory.StartAsync();
        await using var _ = cluster;
        var stream = cluster.Client.GetStreamProvider().GetStream<int>(StreamId.Create("test", "ordered"));
        var received = new ConcurrentQueue<(int Item, long Sequence)>();
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await stream.SubscribeAsync((item, token) =>
        {
            received.Enqueue((item, token.SequenceNumber));
            if (received.Count == 500)
            {
                all.TrySetResult();
            }

            return Task.CompletedTask;
        });

        var sequences = new List<long>();
        for (var i = 0; i < 500; i++)
        {
            sequences.Add(await stream.OnNextAsync(i));
        }

        await all.Task.DefaultTimeout();
        Assert.Equal(Enumerable.Range(1, 500).Select(i => (long)i), sequences);
        Assert.Equal(Enumerable.Range(0, 500).Select(i => (i, (long)i + 1)), received.ToArray());
    }

    [Fact]
    public async Task The_tail_replays_the_events_after_sequence_n_and_says_when_it_is_incomplete()
    {
        var (cluster, _, _) = await ClusterFactory.StartAsync(silo => silo.Configure<StreamOptions>(o => o.TailSize = 10));
        await using var _ = cluster;
        var stream = cluster.Client.GetStreamProvider().GetStream<string>(StreamId.Create("test", "tail"));
        for (var i = 1; i <= 25; i++)
        {
            await stream.OnNextAsync($"e{i}");
        }

        var recent = await stream.GetEventsAfterAsync(20).DefaultTimeout();
        var tooOld = await stream.GetEventsAfterAsync(5).DefaultTimeout();

        Assert.Equal(["e21", "e22", "e23", "e24", "e25"], recent.Events.Select(e => e.Item));
        Assert.Equal([21L, 22, 23, 24, 25], recent.Events.Select(e => e.Sequence));
        Assert.True(recent.Complete);
        Assert.Equal(25, recent.LastSequence);
        Assert.False(tooOld.Complete);
        Assert.Equal(16, tooOld.Events[0].Sequence);
        Assert.Equal(25, await stream.GetLastSequenceAsync().DefaultTimeout());
    }

    [Fact]
    public async Task Subscribing_after_sequence_n_replays_then_continues_live_without_gap_or_duplicate()
    {
        var (cluster, _, _) = await ClusterFactory.StartAsync();
        await using var _ = cluster;
        var stream = cluster.Client.GetStreamProvider().GetStream<int>(StreamId.Create("test", "resume"));
        for (var i = 1; i <= 5; i++)
        {
            await stream.OnNextAsync(i);
        }

        var received = new ConcurrentQueue<long>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await stream.SubscribeAsync(
            (_, token) =>
            {
                received.Enqueue(token.SequenceNumber);
                if (token.SequenceNumber == 8)
                {
                    done.TrySetResult();
                }

                return Task.CompletedTask;
            },
            afterSequence: 3);
        for (var i = 6; i <= 8; i++)
        {
            await stream.OnNextAsync(i);
        }

        await done.Task.DefaultTimeout();
        Assert.Equal([4L, 5, 6, 7, 8], received.ToArray());
    }

    [Fact]
    public async Task A_grain_subscription_delivers_as_turns_and_ends_with_the_activation()
    {
        var (cluster, probe, _) = await ClusterFactory.StartAsync();
        await using var _ = cluster;
        var subscriber = cluster.GrainFactory.GetGrain<IMiscGrain>("sub");
        var publisher = cluster.GrainFactory.GetGrain<IMiscGrain>("pub");
        await subscriber.SubscribeTo("k").DefaultTimeout();
        Assert.Equal(1, cluster.Primary.Statistics.StreamSubscriptionCount);

        await publisher.Publish("k", "a").DefaultTimeout();
        await publisher.Publish("k", "b").DefaultTimeout();
        Assert.Equal("b", await probe.WaitFor("stream:sub:2").DefaultTimeout());
        Assert.Equal([1L, 2L], await subscriber.Received().DefaultTimeout());

        await cluster.Primary.Services.GetRequiredActivation(subscriber).DefaultTimeout();
        Assert.Equal(0, cluster.Primary.Statistics.StreamSubscriptionCount);
        Assert.False(probe.HasSignal("stream:interleaved"));
    }

    [Fact]
    public async Task An_unsubscribed_handle_receives_nothing_more()
    {
        var (cluster, _, _) = await ClusterFactory.StartAsync();
        await using var _ = cluster;
        var stream = cluster.Client.GetStreamProvider().GetStream<int>(StreamId.Create("test", "unsub"));
        var count = 0;
        var handle = await stream.SubscribeAsync((_, _) => { Interlocked.Increment(ref count); return Task.CompletedTask; });
        await handle.UnsubscribeAsync();

        await stream.OnNextAsync(1);

        Assert.Equal(0, cluster.Primary.Statistics.StreamSubscriptionCount);
        Assert.Equal(0, Volatile.Read(ref count));
    }
}

internal static class ActivationTestExtensions
{
    /// <summary>Deactivates the grain's activation (as the collector would) and waits for it.</summary>
    public static Task GetRequiredActivation(this IServiceProvider services, IAddressable grain)
    {
        var runtime = (SiloRuntime)services.GetService(typeof(SiloRuntime))!;
        runtime.Catalog.TryGet(((IGrainReference)grain).GrainId, out var activation);
        return activation!.DeactivateAsync(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "test"));
    }
}
