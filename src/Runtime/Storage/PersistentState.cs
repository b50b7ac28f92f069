namespace Rides.Runtime.Storage;

/// <summary>The runtime's side of a persistent state: read when the activation starts.</summary>
internal interface IPersistentStateLifecycle
{
    Task ReadOnActivateAsync(CancellationToken cancellationToken);
}

/// <summary>The <see cref="IPersistentState{TState}"/> injected into grains.</summary>
internal sealed class PersistentState<TState>(string stateName, GrainId grainId, IGrainStorage storage)
    : IPersistentState<TState>, IPersistentStateLifecycle
{
    private readonly GrainState<TState> _state = new(CreateDefault());

    public TState State
    {
        get => _state.State;
        set => _state.State = value;
    }

    public string? Etag => _state.ETag;

    public bool RecordExists => _state.RecordExists;

    public Task ReadOnActivateAsync(CancellationToken cancellationToken) => ReadStateAsync(cancellationToken);

    public async Task ReadStateAsync(CancellationToken cancellationToken = default)
    {
        await storage.ReadStateAsync(stateName, grainId, _state, cancellationToken);
        if (!_state.RecordExists)
        {
            _state.State = CreateDefault();
        }
    }

    public Task WriteStateAsync(CancellationToken cancellationToken = default) =>
        storage.WriteStateAsync(stateName, grainId, _state, cancellationToken);

    public async Task ClearStateAsync(CancellationToken cancellationToken = default)
    {
        await storage.ClearStateAsync(stateName, grainId, _state, cancellationToken);
        _state.State = CreateDefault();
    }

    private static TState CreateDefault() =>
        typeof(TState).IsValueType || typeof(TState).GetConstructor(Type.EmptyTypes) is not null
            ? Activator.CreateInstance<TState>()
            : default!;
}
