using System.Collections.Concurrent;
using System.Globalization;
using Rides.Runtime.Serialization;

namespace Rides.Runtime.Storage;

/// <summary>
/// Grain state kept in process memory, as serialized copies with integer versions, checked
/// exactly as the PostgreSQL provider checks them. Shared by every silo given the same
/// <see cref="MemoryStorageStore"/>, so a test cluster's silos can restart over it.
/// </summary>
public sealed class MemoryGrainStorage(MemoryStorageStore store, IWireSerializer serializer) : IGrainStorage
{
    /// <inheritdoc />
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken = default)
    {
        if (store.Records.TryGetValue((stateName, grainId), out var record))
        {
            grainState.State = serializer.Deserialize<T>(record.Payload);
            grainState.ETag = record.Version.ToString(CultureInfo.InvariantCulture);
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
        var key = (stateName, grainId);
        var payload = serializer.Serialize(grainState.State);
        if (grainState.ETag is null)
        {
            if (!store.Records.TryAdd(key, new MemoryStorageStore.Record(payload, 1)))
            {
                throw Stale(grainId, stateName, store.Records.TryGetValue(key, out var r) ? r.Version : null, null);
            }

            grainState.ETag = "1";
        }
        else
        {
            var expected = long.Parse(grainState.ETag, CultureInfo.InvariantCulture);
            if (!store.Records.TryGetValue(key, out var current) || current.Version != expected
                || !store.Records.TryUpdate(key, new MemoryStorageStore.Record(payload, expected + 1), current))
            {
                throw Stale(grainId, stateName, store.Records.TryGetValue(key, out var r) ? r.Version : null, grainState.ETag);
            }

            grainState.ETag = (expected + 1).ToString(CultureInfo.InvariantCulture);
        }

        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken = default)
    {
        var key = (stateName, grainId);
        if (grainState.ETag is not null)
        {
            var expected = long.Parse(grainState.ETag, CultureInfo.InvariantCulture);
            if (!store.Records.TryGetValue(key, out var current) || current.Version != expected
                || !((ICollection<KeyValuePair<(string, GrainId), MemoryStorageStore.Record>>)store.Records).Remove(new(key, current)))
            {
                throw Stale(grainId, stateName, store.Records.TryGetValue(key, out var r) ? r.Version : null, grainState.ETag);
            }
        }
        else if (store.Records.ContainsKey(key))
        {
            throw Stale(grainId, stateName, store.Records.TryGetValue(key, out var r) ? r.Version : null, null);
        }

        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private static InconsistentStateException Stale(GrainId grainId, string stateName, long? stored, string? current) =>
        new(
            $"Version conflict writing state '{stateName}' of {grainId}: stored version {stored?.ToString(CultureInfo.InvariantCulture) ?? "none"}, expected {current ?? "none"}.",
            stored?.ToString(CultureInfo.InvariantCulture),
            current);
}

/// <summary>The records of <see cref="MemoryGrainStorage"/>; one instance per simulated database.</summary>
public sealed class MemoryStorageStore
{
    internal ConcurrentDictionary<(string StateName, GrainId GrainId), Record> Records { get; } = new();

    /// <summary>How many records are stored.</summary>
    public int Count => Records.Count;

    internal sealed record Record(byte[] Payload, long Version);
}
