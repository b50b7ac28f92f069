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
        CheckPage(limit, skip);
        return new RideHistoryPage([.. history.Skip(skip).Take(limit)], history.Count, skip, limit);
    }

    /// <summary>
    /// Moves the history an older grain state still holds into <paramref name="store"/>, oldest first so
    /// the store keeps its order, and empties it. Returns whether there was any (the state must then be written).
    /// </summary>
    public static async Task<bool> MoveToStoreAsync(List<RideHistoryEntry> stateHistory, global::Rides.Grains.History.IRideHistoryStore store, string ownerKind, string ownerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stateHistory);
        ArgumentNullException.ThrowIfNull(store);
        if (stateHistory.Count == 0)
        {
            return false;
        }

        for (var i = stateHistory.Count - 1; i >= 0; i--)
        {
            await store.RecordAsync(ownerKind, ownerId, stateHistory[i], cancellationToken);
        }

        stateHistory.Clear();
        return true;
    }

    /// <summary>VALIDATION_FAILED unless <paramref name="limit"/> and <paramref name="skip"/> are within their ranges.</summary>
    public static void CheckPage(int limit, int skip)
    {
        if (limit is < 1 or > RideHistoryLimits.MaxPage)
        {
            throw DomainErrors.Validation("limit", $"must be between 1 and {RideHistoryLimits.MaxPage}");
        }

        if (skip is < 0 or > RideHistoryLimits.Kept)
        {
            throw DomainErrors.Validation("skip", $"must be between 0 and {RideHistoryLimits.Kept}");
        }
    }
}
