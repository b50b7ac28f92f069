using Orleans.Placement;
using Rides.Grains.Domain.Dispatch;

namespace Rides.Grains.Dispatch;

/// <summary>
/// The available drivers of one grid cell, in memory. Drivers refresh their entry with every
/// location update, so entries a lost activation forgets come back within a second; stale ones
/// are filtered on read and dropped after <see cref="ForgetAfter"/>. A cell nobody wrote to or
/// asked for two minutes holds only entries dispatch no longer reads (older than
/// <c>Rides:Dispatch:LocationStaleAfter</c>, 30 s), so it is collected then rather than after
/// Orleans' 15 minutes: a dispatch that widens its radius over empty country touches several cells.
/// A cell left with no driver, by a removal or found so by a search, leaves at once: it holds nothing to keep, and
/// the cells each ride request asks around its pickup were a third of a silo's activations under load (21,396 of
/// 66,410 at 5,000 rides, docs/benchmarks.md, "Where the heap goes under location load").
/// </summary>
[GrainType("geocell")]
[RandomPlacement]
[CollectionAgeLimit(Minutes = 2)]
public sealed class GeoCellGrain(TimeProvider time) : Grain, IGeoCellGrain
{
    /// <summary>Entries not refreshed for this long are dropped.</summary>
    public static readonly TimeSpan ForgetAfter = TimeSpan.FromMinutes(5);

    private readonly Dictionary<string, GeoCellEntry> _drivers = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task Upsert(GeoCellEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        _drivers[entry.DriverId] = entry;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task Remove(string driverId)
    {
        _drivers.Remove(driverId);
        LeaveIfEmpty();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<GeoCellEntry>> FindNearest(DriverSearch search)
    {
        ArgumentNullException.ThrowIfNull(search);
        IReadOnlyList<GeoCellEntry> nearest = DispatchPlanner.Nearest(search, _drivers.Values).Select(n => n.Entry).ToList();
        var forgetBefore = time.GetUtcNow() - ForgetAfter;
        if (_drivers.Values.Any(e => e.UpdatedAt < forgetBefore))
        {
            // Read-only calls may interleave, so prune a copy of the keys, never while enumerating.
            foreach (var id in _drivers.Where(e => e.Value.UpdatedAt < forgetBefore).Select(e => e.Key).ToList())
            {
                _drivers.Remove(id);
            }
        }

        LeaveIfEmpty();
        return Task.FromResult(nearest);
    }

    // A driver written meanwhile reaches a new activation: Orleans forwards what arrives while this one leaves.
    private void LeaveIfEmpty()
    {
        if (_drivers.Count == 0)
        {
            DeactivateOnIdle();
        }
    }
}
