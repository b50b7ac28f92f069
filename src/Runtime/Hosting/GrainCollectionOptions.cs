namespace Rides.Runtime.Hosting;

/// <summary>When idle activations are collected.</summary>
public sealed class GrainCollectionOptions
{
    /// <summary>Idle time after which an activation is deactivated (default 15 minutes, as Orleans).</summary>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often the collector looks for idle activations (default 1 minute).</summary>
    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromMinutes(1);
}
