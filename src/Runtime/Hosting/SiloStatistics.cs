using Rides.Runtime.Metrics;

namespace Rides.Runtime.Hosting;

/// <summary>The <see cref="ISiloStatistics"/> of a silo.</summary>
internal sealed class SiloStatistics(SiloRuntime runtime) : ISiloStatistics
{
    public int ActivationCount => runtime.Catalog.Count;

    public int StreamSubscriptionCount => runtime.Streams.SubscriptionCount;

    public int ReminderCount => runtime.Reminders.Count;

    public RuntimeMetricsSnapshot GetSnapshot()
    {
        var snapshot = runtime.Metrics.GetSnapshot();
        var gauges = new Dictionary<string, long>(snapshot.Gauges)
        {
            ["activations"] = runtime.Catalog.Count,
            ["streams"] = runtime.Streams.StreamCount,
            ["stream_subscriptions"] = runtime.Streams.SubscriptionCount,
            ["reminders"] = runtime.Reminders.Count,
        };
        return snapshot with { Gauges = gauges };
    }
}
