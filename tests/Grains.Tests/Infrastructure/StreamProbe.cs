using System.Threading.Channels;
using Rides.Runtime.Streams;
using Rides.TestInfrastructure;

namespace Rides.Grains.Tests.Infrastructure;

/// <summary>Subscribes to a stream and hands its events to a test in order, each wait with a timeout.</summary>
public sealed class StreamProbe<T>(IAsyncStream<T> stream) : IAsyncDisposable
{
    private readonly Channel<T> _events = Channel.CreateUnbounded<T>();
    private StreamSubscriptionHandle<T>? _handle;

    public IAsyncStream<T> Stream => stream;

    public async Task<StreamProbe<T>> StartAsync()
    {
        _handle = await stream.SubscribeAsync((item, _) =>
        {
            _events.Writer.TryWrite(item);
            return Task.CompletedTask;
        }).DefaultTimeout();
        return this;
    }

    /// <summary>The next event.</summary>
    public async Task<T> NextAsync() => await _events.Reader.ReadAsync().AsTask().DefaultTimeout();

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
            items.Add(item);
        }

        return items;
    }

    /// <summary>How many events the stream has published in all.</summary>
    public Task<long> PublishedCountAsync() => stream.GetLastSequenceAsync().DefaultTimeout();

    public async ValueTask DisposeAsync()
    {
        if (_handle is not null)
        {
            await _handle.UnsubscribeAsync();
        }
    }
}
