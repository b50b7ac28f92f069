using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rides.Runtime.Hosting;
using Rides.Runtime.Metrics;
using Rides.Runtime.Serialization;

namespace Rides.Runtime.Streams;

/// <summary>
/// The streams this silo owns: per stream a sequence counter, a bounded tail of recent events,
/// and the subscribers. In the cluster a stream lives with its hash owner; with one silo, here.
/// </summary>
internal sealed class StreamRegistry
{
    private readonly ConcurrentDictionary<StreamId, StreamState> _streams = new();
    private readonly ConcurrentDictionary<string, IStreamProvider> _providers = new(StringComparer.Ordinal);

    public StreamRegistry(IOptions<StreamOptions> options, IOptions<SiloOptions> siloOptions, IWireSerializer serializer, RuntimeMetrics metrics, TimeProvider timeProvider, ILogger<StreamRegistry> logger)
    {
        Options = options.Value;
        ForceSerialization = siloOptions.Value.ForceSerialization;
        Serializer = serializer;
        Metrics = metrics;
        TimeProvider = timeProvider;
        Log = new RuntimeLog(logger);
    }

    public StreamOptions Options { get; }

    public bool ForceSerialization { get; }

    public IWireSerializer Serializer { get; }

    public RuntimeMetrics Metrics { get; }

    public TimeProvider TimeProvider { get; }

    public RuntimeLog Log { get; }

    public int StreamCount => _streams.Count;

    public int SubscriptionCount => _streams.Values.Sum(s => s.SubscriberCount);

    public IStreamProvider GetProvider(string name)
    {
        if (name != Storage.ProviderConstants.DefaultStreamProviderName)
        {
            throw new KeyNotFoundException($"No stream provider named '{name}'; the runtime has '{Storage.ProviderConstants.DefaultStreamProviderName}'.");
        }

        return _providers.GetOrAdd(name, static (n, self) => new StreamProvider(n, self), this);
    }

    public StreamState GetOrCreate(StreamId id) => _streams.GetOrAdd(id, static (i, self) => new StreamState(i, self), this);

    /// <summary>Forgets streams with no subscriber and no event for <see cref="StreamOptions.IdleStreamAge"/>.</summary>
    public int CollectIdle()
    {
        var removed = 0;
        foreach (var (id, state) in _streams)
        {
            if (state.IsIdle(Options.IdleStreamAge) && _streams.TryRemove(new KeyValuePair<StreamId, StreamState>(id, state)))
            {
                removed++;
            }
        }

        return removed;
    }

    private sealed class StreamProvider(string name, StreamRegistry registry) : IStreamProvider
    {
        public string Name => name;

        public IAsyncStream<T> GetStream<T>(StreamId streamId) => new AsyncStream<T>(streamId, registry);
    }
}
