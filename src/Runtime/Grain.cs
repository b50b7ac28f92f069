using System.Globalization;
using Rides.Runtime.Activation;
using Rides.Runtime.Reminders;
using Rides.Runtime.Streams;
using Rides.Runtime.Timers;

namespace Rides.Runtime;

/// <summary>
/// The base class of grains. The runtime creates instances, reads their persistent state, calls
/// <see cref="OnActivateAsync"/>, delivers requests one turn at a time, and calls
/// <see cref="OnDeactivateAsync"/> when the activation is collected or the silo shuts down.
/// </summary>
public abstract class Grain
{
    private ActivationData? _activation;

    /// <summary>This grain's id.</summary>
    public GrainId GrainId => Activation.GrainId;

    /// <summary>Creates references to other grains.</summary>
    protected IGrainFactory GrainFactory => Activation.Runtime.Router.Factory;

    /// <summary>The silo's services.</summary>
    protected IServiceProvider ServiceProvider => Activation.Runtime.Router.Services;

    internal ActivationData Activation
    {
        get => _activation ?? throw new InvalidOperationException("The grain is not activated: grain members are available from OnActivateAsync on, not in the constructor.");
        set => _activation = value;
    }

    /// <summary>The key of a grain with a string key.</summary>
    public string GetPrimaryKeyString() => GrainId.Key;

    /// <summary>The key of a grain with a Guid key.</summary>
    public Guid GetPrimaryKey() => Guid.Parse(GrainId.Key);

    /// <summary>The key of a grain with an integer key.</summary>
    public long GetPrimaryKeyLong() => long.Parse(GrainId.Key, CultureInfo.InvariantCulture);

    /// <summary>Called once the state is read, before the first request.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Called when the activation is collected, deactivated on request, or the silo shuts down.</summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A reference to this grain, to pass in messages.</summary>
    public TGrainInterface AsReference<TGrainInterface>()
        where TGrainInterface : IAddressable => GrainFactory.GetGrain<TGrainInterface>(GrainId);

    /// <summary>Deactivates this activation once the current turn completes.</summary>
    protected void DeactivateOnIdle() => _ = Activation.DeactivateAsync(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "DeactivateOnIdle"));

    /// <summary>Keeps the activation from idle collection for at least <paramref name="timeSpan"/>.</summary>
    protected void DelayDeactivation(TimeSpan timeSpan) => Activation.DelayDeactivation(timeSpan);

    /// <summary>
    /// A timer that lives with this activation. Each tick runs as a turn of the grain; a tick does
    /// not keep the activation from idle collection. <paramref name="period"/> of
    /// <see cref="Timeout.InfiniteTimeSpan"/> fires once.
    /// </summary>
    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period) =>
        new GrainTimer(Activation, callback, dueTime, period);

    /// <summary>Registers or updates a durable reminder: the grain must implement <see cref="IRemindable"/>.</summary>
    protected Task<IGrainReminder> RegisterOrUpdateReminder(string reminderName, TimeSpan dueTime, TimeSpan period)
    {
        if (this is not IRemindable)
        {
            throw new InvalidOperationException($"Grain {GetType().Name} registers a reminder but does not implement IRemindable.");
        }

        return Activation.Runtime.Reminders.RegisterOrUpdateAsync(GrainId, reminderName, dueTime, period);
    }

    /// <summary>Removes a reminder.</summary>
    protected Task UnregisterReminder(IGrainReminder reminder) => Activation.Runtime.Reminders.UnregisterAsync(GrainId, reminder);

    /// <summary>The reminder with this name, or null.</summary>
    protected Task<IGrainReminder?> GetReminder(string reminderName) => Activation.Runtime.Reminders.GetAsync(GrainId, reminderName);

    /// <summary>The stream provider with this name.</summary>
    protected IStreamProvider GetStreamProvider(string name = Storage.ProviderConstants.DefaultStreamProviderName) =>
        Activation.Runtime.Router.Factory.GetStreamProvider(name);
}
