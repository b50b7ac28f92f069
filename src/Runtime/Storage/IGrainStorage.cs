namespace Rides.Runtime.Storage;

/// <summary>
/// A storage provider for grain state. Implementations check the ETag on every write and clear:
/// a mismatch throws <see cref="InconsistentStateException"/> and changes nothing.
/// </summary>
public interface IGrainStorage
{
    /// <summary>Reads the record into <paramref name="grainState"/> (state, ETag, RecordExists).</summary>
    Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken = default);

    /// <summary>Writes the state if the stored version equals <see cref="IGrainState{T}.ETag"/>, then sets the new ETag.</summary>
    Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken = default);

    /// <summary>Deletes the record if the stored version equals <see cref="IGrainState{T}.ETag"/>.</summary>
    Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken = default);
}

/// <summary>The state, ETag and existence flag that a storage provider reads and writes.</summary>
public interface IGrainState<T>
{
    /// <summary>The state value.</summary>
    T State { get; set; }

    /// <summary>The stored version, or null when no record exists.</summary>
    string? ETag { get; set; }

    /// <summary>Whether a record is stored.</summary>
    bool RecordExists { get; set; }
}

/// <summary>The plain implementation of <see cref="IGrainState{T}"/>.</summary>
public sealed class GrainState<T>(T state) : IGrainState<T>
{
    /// <inheritdoc />
    public T State { get; set; } = state;

    /// <inheritdoc />
    public string? ETag { get; set; }

    /// <inheritdoc />
    public bool RecordExists { get; set; }
}
