using System.Collections.Concurrent;
using System.Globalization;
using Rides.Runtime.Serialization;

namespace Rides.Runtime.Storage;

/// <summary>
/// Grain state kept in process memory, as serialized copies with integer versions, checked
/// exactly as the PostgreSQL provider checks them: a write without an ETag only creates a record
/// (or revives a cleared one), a write with an ETag only replaces the version it names, and a
/// clear leaves a tombstone whose version keeps counting, so an ETag from before a clear never
/// matches again. Shared by every silo given the same <see cref="MemoryStorageStore"/>.
/// </summary>
public sealed class MemoryGrainStorage(MemoryStorageStore store, IWireSerializer serializer) : IGrainStorage
{
    /// <inheritdoc />
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken = default)
    {
        if (store.Records.TryGetValue((stateName, grainId), out var record) && record.Payload is not null)
        {
            grainState.State = serializer.Deserialize<T>(record.Payload);
            grainState.ETag = Format(record.Version);
            grainState.RecordExists = true;
        }
        else
        {
            grainState.ETag = null;
            grainState.RecordExists = false;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken = default)
    {
        var payload = serializer.Serialize(grainState.State);
        var written = Replace((stateName, grainId), grainState.ETag, current => new MemoryStorageStore.Record(payload, (current?.Version ?? 0) + 1));
        grainState.ETag = Format(written.Version);
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken = default)
    {
        var key = (stateName, grainId);
        if (grainState.ETag is null)
        {
            // Nothing to clear is fine; a record someone else wrote is not ours to remove.
            if (store.Records.TryGetValue(key, out var existing) && existing.Payload is not null)
            {
                throw Stale(key, existing, null);
            }
        }
        else
        {
            Replace(key, grainState.ETag, current => new MemoryStorageStore.Record(null, current!.Version + 1));
        }

        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private MemoryStorageStore.Record Replace((string, GrainId) key, string? etag, Func<MemoryStorageStore.Record?, MemoryStorageStore.Record> next)
    {
        var expected = etag is null ? (long?)null : long.Parse(etag, CultureInfo.InvariantCulture);
        while (true)
        {
            store.Records.TryGetValue(key, out var current);
            var live = current is { Payload: not null };
            if (expected is null ? live : current is null || !live || current.Version != expected)
            {
                throw Stale(key, current, etag);
            }

            var replacement = next(current);
            if (current is null ? store.Records.TryAdd(key, replacement) : store.Records.TryUpdate(key, replacement, current))
            {
                return replacement;
            }
        }
    }

    private static string Format(long version) => version.ToString(CultureInfo.InvariantCulture);

    private static InconsistentStateException Stale((string StateName, GrainId GrainId) key, MemoryStorageStore.Record? stored, string? current)
    {
        var storedEtag = stored is { Payload: not null } ? Format(stored.Version) : null;
        return new InconsistentStateException(
            $"Version conflict writing state '{key.StateName}' of {key.GrainId}: stored version {storedEtag ?? "none"}, expected {current ?? "none"}.",
            storedEtag,
            current);
    }
}

/// <summary>The records of <see cref="MemoryGrainStorage"/>; one instance per simulated database.</summary>
public sealed class MemoryStorageStore
{
    internal ConcurrentDictionary<(string StateName, GrainId GrainId), Record> Records { get; } = new();

    /// <summary>How many records are stored (cleared ones included, as tombstones).</summary>
    public int Count => Records.Count;

    internal sealed record Record(byte[]? Payload, long Version);
}
