using Rides.Runtime.Metrics;

namespace Rides.Runtime.Hosting;

/// <summary>What the operator dashboard reads from a silo.</summary>
public interface ISiloStatistics
{
    /// <summary>Calls, activations, stream counts and gauges.</summary>
    RuntimeMetricsSnapshot GetSnapshot();

    /// <summary>Live activations in this silo.</summary>
    int ActivationCount { get; }

    /// <summary>Live stream subscriptions in this silo (grains' and clients').</summary>
    int StreamSubscriptionCount { get; }

    /// <summary>Reminders this silo fires.</summary>
    int ReminderCount { get; }
}
