using System.Collections.Concurrent;
using System.Diagnostics;
using Rides.Edge.Protocol.Events;

namespace Rides.LoadGen.Measurement;

/// <summary>
/// Matches received <c>driver_location_update</c>s to their sends by coordinates (unique per send) and
/// keeps the send-to-receipt latencies of the measured ones.
/// </summary>
public sealed class LatencyRecorder
{
    private readonly ConcurrentDictionary<(double Latitude, double Longitude), Sent> _inFlight = new();
    private readonly List<double> _samples = [];
    private readonly Lock _gate = new();
    private long _firstReceipt = long.MaxValue;
    private long _lastReceipt;
    private int _unmatched;

    /// <summary>Deliveries no send was waiting for (duplicates, or a bug).</summary>
    public int Unmatched => _unmatched;

    /// <summary>Stamps a send just before it goes out; warm-up sends are matched but not kept.</summary>
    public void Sending(double latitude, double longitude, bool measured) =>
        _inFlight[(latitude, longitude)] = new Sent(Stopwatch.GetTimestamp(), measured);

    /// <summary>The server refused the send: no delivery will come.</summary>
    public void Refused(double latitude, double longitude) => _inFlight.TryRemove((latitude, longitude), out _);

    /// <summary>The receivers' <c>driver_location_update</c> handler (for <c>HubConnection.On</c>).</summary>
    public void OnLocation(DriverLocationUpdate update)
    {
        // First thing: the latency ends when the event reaches the client. The SignalR client calls this after
        // it has read the message and deserialized its JSON into the update, so that client work counts too
        // (the hand-written client this replaced stamped the raw bytes); ours and the baseline pay it alike.
        var receivedAt = Stopwatch.GetTimestamp();
        ArgumentNullException.ThrowIfNull(update);
        var key = (update.Latitude, update.Longitude);
        if (!_inFlight.TryRemove(key, out var sent))
        {
            Interlocked.Increment(ref _unmatched);
            return;
        }

        if (sent.Measured)
        {
            lock (_gate)
            {
                _samples.Add(Stopwatch.GetElapsedTime(sent.At, receivedAt).TotalMilliseconds);
                _firstReceipt = Math.Min(_firstReceipt, receivedAt);
                _lastReceipt = Math.Max(_lastReceipt, receivedAt);
            }
        }
    }

    /// <summary>Waits until every send was delivered or <paramref name="limit"/> passed.</summary>
    public async Task DrainAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        var until = Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency);
        while (!_inFlight.IsEmpty && Stopwatch.GetTimestamp() < until)
        {
            await Task.Delay(20, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The measured latencies; sends still in flight count as lost.</summary>
    public LatencySummary Summarize(IReadOnlyDictionary<string, int> refused)
    {
        lock (_gate)
        {
            return LatencySummary.Of(_samples, _firstReceipt, _lastReceipt, _inFlight.Values.Count(s => s.Measured), refused);
        }
    }

    private readonly record struct Sent(long At, bool Measured);
}
