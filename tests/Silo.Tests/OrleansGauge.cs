using System.Diagnostics.Metrics;

namespace Rides.Silo.Tests;

/// <summary>One of Orleans' observable gauges, read from one host's meters only (other hosts in the test process publish their own).</summary>
internal sealed class OrleansGauge : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly string _name;
    private long _last = -1;

    public OrleansGauge(IMeterFactory meters, string name)
    {
        _name = name;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Name == name && ReferenceEquals(instrument.Meter.Scope, meters))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<int>((_, value, _, _) => _last = value);
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => _last = value);
        _listener.Start();
    }

    public long Read()
    {
        _last = -1;
        _listener.RecordObservableInstruments();
        Assert.True(_last >= 0, $"the host publishes no '{_name}' gauge");
        return _last;
    }

    /// <summary>Reads until the gauge is zero or <paramref name="limit"/> has passed; the gauge has no signal to await.</summary>
    public async Task<long> WaitForZeroAsync(TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        var count = Read();
        while (count > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            count = Read();
        }

        return count;
    }

    public void Dispose() => _listener.Dispose();
}
