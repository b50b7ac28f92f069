namespace Rides.Grains.Domain.Trips;

/// <summary>Trip rules (configuration section <c>Rides:Trip</c>).</summary>
public sealed class TripOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Rides:Trip";

    /// <summary>Whether <c>start_ride</c> needs the rider's PIN. Default false.</summary>
    public bool RequirePin { get; set; }

    /// <summary>Wrong PINs allowed per ride before starting is locked. Default 5.</summary>
    public int MaxPinAttempts { get; set; } = 5;

    /// <summary>Location jumps implying more than this speed are not counted by the trip meter, m/s. Default 70 (252 km/h).</summary>
    public double MaxPlausibleSpeedMps { get; set; } = 70;

    /// <summary>
    /// How long an ended ride stays activated once it is settled (default 1 minute), or after a later call
    /// activated it again; then it deactivates, its state stays stored. Orleans' collection age (15 minutes)
    /// would otherwise keep every ride of the last quarter hour in memory.
    /// </summary>
    public TimeSpan EndedRideIdle { get; set; } = TimeSpan.FromMinutes(1);
}
