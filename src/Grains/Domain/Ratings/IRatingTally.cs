namespace Rides.Grains.Domain.Ratings;

/// <summary>The running ratings of a driver or a rider: a sum, a count, and the rides already counted.</summary>
public interface IRatingTally
{
    /// <summary>The sum of all stars received.</summary>
    long RatingSum { get; set; }

    /// <summary>How many ratings were received.</summary>
    int RatingCount { get; set; }

    /// <summary>The most recent rides whose rating is counted (so a repeated rating counts once).</summary>
    List<string> RatedRideIds { get; }
}
