using Rides.Grains.Domain.Trips;
using Rides.Grains.Rides;

namespace Rides.Grains.Drivers;

/// <summary>The persisted state of a driver grain.</summary>
public sealed class DriverState : Domain.Ratings.IRatingTally
{
    /// <summary>Profile and vehicle; null until set or until the driver first goes online.</summary>
    public DriverProfile? Profile { get; set; }

    /// <summary>Sum of the stars received.</summary>
    public long RatingSum { get; set; }

    /// <summary>Number of ratings received.</summary>
    public int RatingCount { get; set; }

    /// <summary>The most recent rated rides, so a ride's rating counts once.</summary>
    public List<string> RatedRideIds { get; set; } = [];

    /// <summary>Whether the driver is online.</summary>
    public bool IsOnline { get; set; }

    /// <summary>The assigned ride, if any.</summary>
    public string? CurrentRideId { get; set; }

    /// <summary>The ride whose trip is being metered.</summary>
    public string? TripRideId { get; set; }

    /// <summary>The trip meter of <see cref="TripRideId"/>.</summary>
    public TripMeter? TripMeter { get; set; }

    /// <summary>The last accepted location.</summary>
    public DriverLocation? Location { get; set; }

    /// <summary>The geo cell the driver is indexed in, if any.</summary>
    public string? CellKey { get; set; }

    /// <summary>
    /// Ended rides, newest first, as states written before the history moved to its own store
    /// (<see cref="History.IRideHistoryStore"/>) hold them; moved there, and emptied, on activation.
    /// </summary>
    public List<RideHistoryEntry> History { get; set; } = [];
}
