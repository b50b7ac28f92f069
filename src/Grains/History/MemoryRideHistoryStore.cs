using System.Collections.Concurrent;
using Rides.Grains.Domain.History;
using Rides.Grains.Rides;

namespace Rides.Grains.History;

/// <summary>Ride histories in this process's memory (the embedded default).</summary>
public sealed class MemoryRideHistoryStore : IRideHistoryStore
{
    private readonly ConcurrentDictionary<(string Kind, string Id), List<RideHistoryEntry>> _histories = new();

    /// <inheritdoc />
    public Task<bool> RecordAsync(string ownerKind, string ownerId, RideHistoryEntry entry, CancellationToken cancellationToken = default)
    {
        var history = _histories.GetOrAdd((ownerKind, ownerId), _ => []);
        lock (history)
        {
            return Task.FromResult(RideHistory.Record(history, entry));
        }
    }

    /// <inheritdoc />
    public Task<RideHistoryPage> ReadPageAsync(string ownerKind, string ownerId, int limit, int skip, CancellationToken cancellationToken = default)
    {
        RideHistory.CheckPage(limit, skip);
        if (!_histories.TryGetValue((ownerKind, ownerId), out var history))
        {
            return Task.FromResult(new RideHistoryPage([], 0, skip, limit));
        }

        lock (history)
        {
            return Task.FromResult(RideHistory.Page(history, limit, skip));
        }
    }
}
