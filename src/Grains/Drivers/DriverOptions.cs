namespace Rides.Grains.Drivers;

/// <summary>Driver location handling (configuration section <c>Rides:Drivers</c>).</summary>
public sealed class DriverOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Rides:Drivers";

    /// <summary>The least time between two accepted location updates (seed 000: 1 per second). Default 1 s.</summary>
    public TimeSpan MinLocationInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often a moving driver's location is written to storage (it is kept in memory in between). Default 15 s.</summary>
    public TimeSpan LocationPersistInterval { get; set; } = TimeSpan.FromSeconds(15);
}
