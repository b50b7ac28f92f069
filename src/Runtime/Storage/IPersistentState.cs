namespace Rides.Runtime.Storage;

/// <summary>
/// A grain's persistent state, injected into the grain constructor through
/// <see cref="PersistentStateAttribute"/> and read before <c>OnActivateAsync</c>.
/// </summary>
public interface IPersistentState<TState>
{
    /// <summary>The state. Changes are durable only after <see cref="WriteStateAsync"/>.</summary>
    TState State { get; set; }

    /// <summary>The version of the stored record this state was read from or last written as; null if none.</summary>
    string? Etag { get; }

    /// <summary>Whether a stored record exists.</summary>
    bool RecordExists { get; }

    /// <summary>Reads the stored state, replacing <see cref="State"/>.</summary>
    Task ReadStateAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes <see cref="State"/>. Throws <see cref="InconsistentStateException"/> when the stored
    /// record has changed since it was read (a stale ETag); the stored record is then left as it was.
    /// </summary>
    Task WriteStateAsync(CancellationToken cancellationToken = default);

    /// <summary>Removes the stored record and resets <see cref="State"/> to a new instance.</summary>
    Task ClearStateAsync(CancellationToken cancellationToken = default);
}
