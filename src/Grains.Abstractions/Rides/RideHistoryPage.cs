namespace Rides.Grains.Rides;

/// <summary>One page of a rider's or driver's ride history, newest first.</summary>
/// <param name="Rides">The entries of the page.</param>
/// <param name="Total">How many entries the history keeps (at most <see cref="RideHistoryLimits.Kept"/>).</param>
/// <param name="Skip">How many newer entries were skipped.</param>
/// <param name="Limit">The page size asked for.</param>
[GenerateSerializer, Immutable, Alias("rides.RideHistoryPage")]
public sealed record RideHistoryPage(IReadOnlyList<RideHistoryEntry> Rides, int Total, int Skip, int Limit)
{
    /// <summary>Whether older entries follow this page.</summary>
    public bool HasMore => Skip + Rides.Count < Total;
}
