using Rides.Grains.Rides;

namespace Rides.Grains.History;

/// <summary>
/// The ride histories of riders and drivers, outside their grains' state: a grain writes one row per ended
/// ride instead of rewriting its whole history, and holds none of it in memory. An owner is a kind
/// (<see cref="RideHistoryOwners"/>) and an id; each keeps its newest <see cref="RideHistoryLimits.Kept"/> rides.
/// </summary>
public interface IRideHistoryStore
{
    /// <summary>Records an ended ride at the front of the owner's history; false, changing nothing, when that ride is recorded already.</summary>
    Task<bool> RecordAsync(string ownerKind, string ownerId, RideHistoryEntry entry, CancellationToken cancellationToken = default);

    /// <summary>The <paramref name="limit"/> rides after the <paramref name="skip"/> newest (validated by <see cref="Domain.History.RideHistory.CheckPage"/>).</summary>
    Task<RideHistoryPage> ReadPageAsync(string ownerKind, string ownerId, int limit, int skip, CancellationToken cancellationToken = default);
}

/// <summary>The kinds of history owners.</summary>
public static class RideHistoryOwners
{
    /// <summary>A rider's history.</summary>
    public const string Rider = "rider";

    /// <summary>A driver's history.</summary>
    public const string Driver = "driver";
}
