namespace Rides.Runtime.Metrics;

/// <summary>What a silo has done so far, for the dashboard.</summary>
/// <param name="SiloName">The silo.</param>
/// <param name="TakenAt">When the snapshot was taken.</param>
/// <param name="Activations">Live activations by grain type.</param>
/// <param name="Calls">Calls by grain type and method.</param>
/// <param name="StreamEventsPublished">Stream events published.</param>
/// <param name="StreamEventsDelivered">Stream events delivered to subscribers.</param>
/// <param name="Gauges">Other gauges (stream subscriptions, live streams, connections).</param>
public sealed record RuntimeMetricsSnapshot(
    string SiloName,
    DateTimeOffset TakenAt,
    IReadOnlyDictionary<string, long> Activations,
    IReadOnlyList<CallMetrics> Calls,
    long StreamEventsPublished,
    long StreamEventsDelivered,
    IReadOnlyDictionary<string, long> Gauges);

/// <summary>The totals of one grain method.</summary>
/// <param name="GrainType">The grain type.</param>
/// <param name="Method">The interface method.</param>
/// <param name="Calls">Calls received.</param>
/// <param name="Errors">Calls that threw.</param>
/// <param name="MeanMilliseconds">Mean time from the start of the turn to the answer.</param>
/// <param name="P99Milliseconds">99th percentile (upper bound of its power-of-two bucket).</param>
/// <param name="MaxMilliseconds">Slowest call.</param>
public sealed record CallMetrics(string GrainType, string Method, long Calls, long Errors, double MeanMilliseconds, double P99Milliseconds, double MaxMilliseconds);
