using Rides.Grains.Domain.Validation;
using Rides.Grains.Rides;

namespace Rides.Grains.Domain.History;

/// <summary>The rules of a ride history, newest first, shared by riders and drivers.</summary>
public static class RideHistory
{
    /// <summary>
    /// Adds <paramref name="entry"/> at the front unless the ride is already recorded, dropping the oldest past
    /// <see cref="RideHistoryLimits.Kept"/>. Returns whether the history changed.
    /// </summary>
    public static bool Record(List<RideHistoryEntry> history, RideHistoryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(entry);
        if (history.Exists(h => h.RideId == entry.RideId))
        {
            return false;
        }

        history.Insert(0, entry);
        if (history.Count > RideHistoryLimits.Kept)
        {
            history.RemoveRange(RideHistoryLimits.Kept, history.Count - RideHistoryLimits.Kept);
        }

        return true;
    }

    /// <summary>The page of <paramref name="limit"/> entries after the <paramref name="skip"/> newest. VALIDATION_FAILED for out-of-range values.</summary>
    public static RideHistoryPage Page(IReadOnlyList<RideHistoryEntry> history, int limit, int skip)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (limit is < 1 or > RideHistoryLimits.MaxPage)
        {
            throw DomainErrors.Validation("limit", $"must be between 1 and {RideHistoryLimits.MaxPage}");
        }

        if (skip is < 0 or > RideHistoryLimits.Kept)
        {
            throw DomainErrors.Validation("skip", $"must be between 0 and {RideHistoryLimits.Kept}");
        }

        return new RideHistoryPage([.. history.Skip(skip).Take(limit)], history.Count, skip, limit);
    }
}
