namespace Rides.Runtime.Metrics;

/// <summary>Running totals of one grain method, with a log-scale latency histogram for percentiles.</summary>
internal sealed class CallStats
{
    // Bucket i holds latencies below 2^i microseconds (bucket 0: below 1 µs); 40 buckets reach far past any timeout.
    private const int Buckets = 40;
    private readonly long[] _histogram = new long[Buckets];
    private long _calls;
    private long _errors;
    private long _totalTicks;
    private long _maxTicks;

    public void Record(TimeSpan elapsed, bool failed)
    {
        Interlocked.Increment(ref _calls);
        if (failed)
        {
            Interlocked.Increment(ref _errors);
        }

        Interlocked.Add(ref _totalTicks, elapsed.Ticks);
        long max;
        while (elapsed.Ticks > (max = Interlocked.Read(ref _maxTicks)) && Interlocked.CompareExchange(ref _maxTicks, elapsed.Ticks, max) != max)
        {
        }

        var micros = (long)elapsed.TotalMicroseconds;
        var bucket = micros <= 0 ? 0 : Math.Min(Buckets - 1, 64 - long.LeadingZeroCount(micros));
        Interlocked.Increment(ref _histogram[bucket]);
    }

    public CallMetrics ToMetrics(string grainType, string method)
    {
        var calls = Interlocked.Read(ref _calls);
        return new CallMetrics(
            grainType,
            method,
            calls,
            Interlocked.Read(ref _errors),
            calls == 0 ? 0 : TimeSpan.FromTicks(Interlocked.Read(ref _totalTicks) / calls).TotalMilliseconds,
            Percentile(0.99),
            TimeSpan.FromTicks(Interlocked.Read(ref _maxTicks)).TotalMilliseconds);
    }

    private double Percentile(double p)
    {
        var counts = _histogram.Select(c => Interlocked.Read(ref c)).ToArray();
        var total = counts.Sum();
        if (total == 0)
        {
            return 0;
        }

        var rank = (long)Math.Ceiling(p * total);
        long seen = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            seen += counts[i];
            if (seen >= rank)
            {
                return Math.Pow(2, i) / 1000.0; // the bucket's upper bound, in ms
            }
        }

        return double.NaN;
    }
}
