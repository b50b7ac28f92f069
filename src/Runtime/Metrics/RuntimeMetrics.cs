using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using Rides.Runtime.Hosting;

namespace Rides.Runtime.Metrics;

/// <summary>
/// The runtime's telemetry: <see cref="System.Diagnostics.Metrics"/> instruments on the meter
/// <see cref="MeterName"/>, and running totals behind <see cref="GetSnapshot"/> for the dashboard.
/// </summary>
public sealed class RuntimeMetrics : IDisposable
{
    /// <summary>The name of the runtime's meter.</summary>
    public const string MeterName = "Rides.Runtime";

    private readonly Meter _meter;
    private readonly Counter<long> _calls;
    private readonly Counter<long> _errors;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _published;
    private readonly Counter<long> _delivered;
    private readonly ConcurrentDictionary<(string GrainType, string Method), CallStats> _callStats = new();
    private readonly ConcurrentDictionary<string, long> _activations = new(StringComparer.Ordinal);
    private readonly string _siloName;
    private long _streamPublished;
    private long _streamDelivered;

    /// <summary>Creates the instruments of one silo.</summary>
    public RuntimeMetrics(IOptions<SiloOptions> options, IMeterFactory? meterFactory = null)
    {
        _siloName = options.Value.SiloName;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _calls = _meter.CreateCounter<long>("rides.grain.calls", description: "Grain calls received, by grain type and method.");
        _errors = _meter.CreateCounter<long>("rides.grain.errors", description: "Grain calls that threw, by grain type and method.");
        _duration = _meter.CreateHistogram<double>("rides.grain.call.duration", unit: "ms", description: "Time from the start of a call's turn to its answer.");
        _published = _meter.CreateCounter<long>("rides.stream.published", description: "Stream events published.");
        _delivered = _meter.CreateCounter<long>("rides.stream.delivered", description: "Stream events delivered to subscribers.");
        _meter.CreateObservableGauge("rides.grain.activations", ObserveActivations, description: "Activations by grain type.");
    }

    /// <summary>Extra gauges that the host adds to snapshots (stream subscriptions, connections).</summary>
    public ConcurrentDictionary<string, Func<long>> Gauges { get; } = new(StringComparer.Ordinal);

    /// <summary>The totals so far.</summary>
    public RuntimeMetricsSnapshot GetSnapshot() => new(
        _siloName,
        DateTimeOffset.UtcNow,
        _activations.Where(a => a.Value > 0).ToDictionary(a => a.Key, a => a.Value),
        _callStats.Select(c => c.Value.ToMetrics(c.Key.GrainType, c.Key.Method)).OrderBy(c => c.GrainType).ThenBy(c => c.Method).ToList(),
        Interlocked.Read(ref _streamPublished),
        Interlocked.Read(ref _streamDelivered),
        Gauges.ToDictionary(g => g.Key, g => g.Value()));

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();

    internal void RecordCall(string grainType, string method, TimeSpan elapsed, bool failed)
    {
        var tags = new TagList { { "grain_type", grainType }, { "method", method } };
        _calls.Add(1, tags);
        if (failed)
        {
            _errors.Add(1, tags);
        }

        _duration.Record(elapsed.TotalMilliseconds, tags);
        _callStats.GetOrAdd((grainType, method), static _ => new CallStats()).Record(elapsed, failed);
    }

    internal void ActivationCreated(string grainType) => _activations.AddOrUpdate(grainType, 1, static (_, n) => n + 1);

    internal void ActivationRemoved(string grainType) => _activations.AddOrUpdate(grainType, 0, static (_, n) => n - 1);

    internal void StreamPublished()
    {
        Interlocked.Increment(ref _streamPublished);
        _published.Add(1);
    }

    internal void StreamDelivered()
    {
        Interlocked.Increment(ref _streamDelivered);
        _delivered.Add(1);
    }

    private IEnumerable<Measurement<long>> ObserveActivations() =>
        _activations.Select(a => new Measurement<long>(a.Value, new KeyValuePair<string, object?>("grain_type", a.Key), new KeyValuePair<string, object?>("silo", _siloName)));
}
