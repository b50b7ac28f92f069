using Rides.Grains.Rides;

namespace Rides.Grains.Riders;

/// <summary>The persisted state of a rider grain.</summary>
public sealed class RiderState : Domain.Ratings.IRatingTally
{
    /// <summary>Display name; null until set or until the first ride.</summary>
    public string? Name { get; set; }

    /// <summary>Phone number, if set.</summary>
    public string? Phone { get; set; }

    /// <summary>Sum of the stars received from drivers.</summary>
    public long RatingSum { get; set; }

    /// <summary>Number of ratings received.</summary>
    public int RatingCount { get; set; }

    /// <summary>The most recent rated rides, so a ride's rating counts once.</summary>
    public List<string> RatedRideIds { get; set; } = [];

    /// <summary>The one active ride.</summary>
    public string? ActiveRideId { get; set; }

    /// <summary>
    /// Ended rides, newest first, as states written before the history moved to its own store
    /// (<see cref="History.IRideHistoryStore"/>) hold them; moved there, and emptied, on activation.
    /// </summary>
    public List<RideHistoryEntry> History { get; set; } = [];

    /// <summary>All rides ever ended.</summary>
    public int RideCount { get; set; }
}
