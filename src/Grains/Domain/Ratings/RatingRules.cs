using Rides.Grains.Domain.Validation;
using Rides.Grains.Rides;

namespace Rides.Grains.Domain.Ratings;

/// <summary>Rating rules: 1 to 5 stars, an optional comment of at most 1000 characters.</summary>
public static class RatingRules
{
    /// <summary>The longest comment.</summary>
    public const int MaxCommentLength = 1000;

    /// <summary>The average before any rating.</summary>
    public const double DefaultAverage = 5.0;

    /// <summary>Checks a rating and returns it with a trimmed comment.</summary>
    public static RatingRequest Normalize(RatingRequest? rating)
    {
        if (rating is null)
        {
            throw DomainErrors.Validation("rating", "is required");
        }

        if (rating.Stars is < 1 or > 5)
        {
            throw DomainErrors.Validation("rating", "must be between 1 and 5");
        }

        return rating with { Comment = Validate.OptionalText(rating.Comment, "comment", MaxCommentLength) };
    }

    /// <summary>The average of <paramref name="count"/> ratings summing to <paramref name="sum"/>, to two decimals.</summary>
    public static double Average(long sum, int count) =>
        count == 0 ? DefaultAverage : Math.Round((double)sum / count, 2, MidpointRounding.AwayFromZero);

    /// <summary>
    /// How many rated ride ids a tally remembers for de-duplication. A duplicate comes from a client rating again
    /// after the ride failed to store its rating, so the window need only cover the rides a user has rated since:
    /// 50 is far beyond that. The ids live in the rider's and driver's state, in memory and in every write of it; at
    /// 500 ids of 37 characters they were about 50 KB of memory and 20 KB of JSON per user who rides often.
    /// </summary>
    public const int RatedRidesKept = 50;

    /// <summary>
    /// Counts <paramref name="stars"/> for <paramref name="rideId"/> once: returns false (and changes
    /// nothing) when that ride's rating is already counted.
    /// </summary>
    public static bool Record(IRatingTally tally, string rideId, int stars)
    {
        ArgumentNullException.ThrowIfNull(tally);
        if (stars is < 1 or > 5)
        {
            throw DomainErrors.Validation("rating", "must be between 1 and 5");
        }

        if (tally.RatedRideIds.Contains(rideId))
        {
            return false;
        }

        tally.RatingSum += stars;
        tally.RatingCount++;
        tally.RatedRideIds.Add(rideId);
        if (tally.RatedRideIds.Count > RatedRidesKept)
        {
            tally.RatedRideIds.RemoveAt(0);
        }

        return true;
    }
}
