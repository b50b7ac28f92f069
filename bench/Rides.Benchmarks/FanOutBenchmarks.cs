using BenchmarkDotNet.Attributes;
using Rides.Benchmarks.Grains;
using Rides.Benchmarks.Hosting;
using Rides.Grains.Events;
using Rides.Grains.Rides;

namespace Rides.Benchmarks;

/// <summary>
/// The cluster's part of a location fan-out, without SignalR: a call from outside the silo to a grain that
/// publishes on a ride's location topic (the project's <see cref="ITopicGrain"/>), which sends the event one
/// way to the edge's single <see cref="IEventSink"/> observer; measured until the event has arrived there and
/// the call has been answered. The baseline hands the same event to the same sink by a direct method call.
/// </summary>
[MemoryDiagnoser]
public class FanOutBenchmarks
{
    private static readonly TopicId Topic = Topics.RideLocation("ride-bench");

    private readonly EventWaiter _sink = new();
    private readonly RideLocationEvent _location = new("ride-bench", "driver-bench", 37.7749, -122.4194, 90, 8.5, DateTimeOffset.UnixEpoch);
    private CoHostedSilo? _silo;
    private IPublisherGrain _publisher = null!;

    /// <summary>Starts a co-hosted silo with the ride grains, subscribes the sink to the topic and sends one event.</summary>
    [GlobalSetup(Target = nameof(PublishToSink))]
    public async Task SetupAsync()
    {
        _silo = await CoHostedSilo.StartAsync(silo => silo.AddMemoryGrainStorageAsDefault());

        // As the edge's TopicSubscriptions does: one object reference for the node, subscribed to the topic grain.
        var reference = _silo.Grains.CreateObjectReference<IEventSink>(_sink);
        await _silo.Grains.GetGrain<ITopicGrain>(Topic.ToString()).Subscribe(reference);
        _publisher = _silo.Grains.GetGrain<IPublisherGrain>("driver-bench");
        await PublishToSink();
    }

    /// <summary>Stops the silo.</summary>
    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }
    }

    /// <summary>The event handed to the sink directly.</summary>
    [Benchmark(Baseline = true, Description = "direct call to the sink")]
    public Task<TopicEvent> Direct()
    {
        var arrived = _sink.Next();
        _sink.OnEvent(new TopicEvent(Topic, 1, _location));
        return arrived;
    }

    /// <summary>Grain call → topic grain → one-way observer call, until the event has arrived and the call is answered.</summary>
    [Benchmark(Description = "grain publishes → topic grain → edge sink")]
    public async Task<TopicEvent> PublishToSink()
    {
        var arrived = _sink.Next();
        await _publisher.Publish(_location);
        return await arrived;
    }
}
