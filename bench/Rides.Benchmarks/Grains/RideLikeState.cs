namespace Rides.Benchmarks.Grains;

/// <summary>A state about the size of a ride's status change, stored as JSON by both state-write benchmarks.</summary>
public sealed class RideLikeState
{
    /// <summary>A ride status, written as it changes.</summary>
    public string Status { get; set; } = "findingDriver";

    /// <summary>The assigned driver, if any.</summary>
    public string? DriverId { get; set; }

    /// <summary>Bumped by every write, so each write changes the row.</summary>
    public int Version { get; set; }
}
