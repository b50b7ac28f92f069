using Rides.Runtime.Hosting;
using System.Collections.Concurrent;

namespace Rides.Runtime.Activation;

/// <summary>The activations of this silo, by grain id.</summary>
internal sealed class Catalog(GrainTypeRegistry registry)
{
    private readonly ConcurrentDictionary<GrainId, ActivationData> _activations = new();
    private SiloRuntime? _runtime;

    public int Count => _activations.Count;

    public IEnumerable<ActivationData> Activations => _activations.Values;

    internal void Attach(SiloRuntime runtime) => _runtime = runtime;

    public ActivationData GetOrCreate(GrainId grainId)
    {
        if (_activations.TryGetValue(grainId, out var existing))
        {
            return existing;
        }

        var runtime = _runtime ?? throw new InvalidOperationException("The silo has not started.");
        return _activations.GetOrAdd(grainId, static (id, state) => new ActivationData(id, state.registry.GetByGrainType(id.Type), state.runtime), (registry, runtime));
    }

    public bool TryGet(GrainId grainId, out ActivationData? activation) => _activations.TryGetValue(grainId, out activation);

    public void Remove(ActivationData activation) =>
        _activations.TryRemove(new KeyValuePair<GrainId, ActivationData>(activation.GrainId, activation));

    public IReadOnlyDictionary<string, int> CountByType() =>
        _activations.Values.GroupBy(a => a.ClassInfo.GrainType).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>Deactivates every activation (graceful shutdown), waiting at most <paramref name="timeout"/>.</summary>
    public async Task DeactivateAllAsync(DeactivationReason reason, TimeSpan timeout)
    {
        // Activations created while we wait (a grain calling another on deactivation) are included by looping.
        var deadline = DateTime.UtcNow + timeout;
        while (!_activations.IsEmpty && DateTime.UtcNow < deadline)
        {
            var all = _activations.Values.Select(a => a.DeactivateAsync(reason)).ToArray();
            await Task.WhenAll(all).WaitAsync(deadline - DateTime.UtcNow).ConfigureAwait(false);
        }
    }

    /// <summary>Drops every activation without deactivating it (a killed silo).</summary>
    public void AbortAll()
    {
        foreach (var activation in _activations.Values)
        {
            activation.Abort();
        }
    }
}
