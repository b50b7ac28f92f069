using System.Threading.Channels;
using Rides.Grains.Events;
using Rides.TestInfrastructure;

namespace Rides.Grains.Tests.Infrastructure;

/// <summary>
/// Subscribes to a topic as an edge node does (an observer through the cluster client) and hands its
/// events to a test in order, each wait with a timeout.
/// </summary>
public sealed class TopicProbe<T>(IClusterClient client, TopicId topic) : IEventSink, IAsyncDisposable
{
    private readonly Channel<(T Event, long Seq)> _events = Channel.CreateUnbounded<(T, long)>();
    private IEventSink? _reference;

    public TopicId Topic => topic;

    private ITopicGrain Grain => client.GetGrain<ITopicGrain>(topic.ToString());

    public async Task<TopicProbe<T>> StartAsync()
    {
        _reference = client.CreateObjectReference<IEventSink>(this);
        await Grain.Subscribe(_reference).DefaultTimeout();
        return this;
    }

    /// <summary>The next event.</summary>
    public async Task<T> NextAsync() => (await _events.Reader.ReadAsync().AsTask().DefaultTimeout()).Event;

    /// <summary>The next event with its sequence number on the topic.</summary>
    public async Task<(T Event, long Seq)> NextWithSeqAsync() => await _events.Reader.ReadAsync().AsTask().DefaultTimeout();

    /// <summary>Skips events until one matches.</summary>
    public async Task<T> NextMatchingAsync(Func<T, bool> predicate)
    {
        while (true)
        {
            var item = await NextAsync();
            if (predicate(item))
            {
                return item;
            }
        }
    }

    /// <summary>Events already received and not yet read.</summary>
    public List<T> Drain()
    {
        var items = new List<T>();
        while (_events.Reader.TryRead(out var item))
        {
            items.Add(item.Event);
        }

        return items;
    }

    /// <summary>How many events the topic has published in all.</summary>
    public Task<long> PublishedCountAsync() => Grain.GetLastSeq().DefaultTimeout();

    Task IEventSink.OnEvent(TopicEvent e)
    {
        if (e.Payload is T item)
        {
            _events.Writer.TryWrite((item, e.Seq));
        }

        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_reference is not null)
        {
            await Grain.Unsubscribe(_reference);
            client.DeleteObjectReference<IEventSink>(_reference);
        }
    }
}
