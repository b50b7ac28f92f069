using Microsoft.Extensions.Options;
using Rides.Runtime.Hosting;

namespace Rides.Runtime.Activation;

/// <summary>Every collection quantum, deactivates activations idle longer than their collection age.</summary>
internal sealed class ActivationCollector(Catalog catalog, IOptions<GrainCollectionOptions> options, TimeProvider time) : IAsyncDisposable
{
    private readonly GrainCollectionOptions _options = options.Value;
    private ITimer? _timer;

    public void Start() =>
        _timer = time.CreateTimer(static s => ((ActivationCollector)s!).CollectIdle(), this, _options.CollectionQuantum, _options.CollectionQuantum);

    /// <summary>Deactivates the idle activations now; returns how many were asked to deactivate.</summary>
    public int CollectIdle()
    {
        var now = time.GetUtcNow();
        var count = 0;
        foreach (var activation in catalog.Activations)
        {
            var age = activation.ClassInfo.CollectionAge ?? _options.CollectionAge;
            if (activation.IsIdle(age, now))
            {
                _ = activation.DeactivateAsync(new DeactivationReason(DeactivationReasonCode.ActivationIdle, $"Idle for more than {age}"));
                count++;
            }
        }

        return count;
    }

    public async ValueTask DisposeAsync()
    {
        if (_timer is not null)
        {
            await _timer.DisposeAsync().ConfigureAwait(false);
        }
    }
}
