using Rides.Runtime.Timers;

namespace Rides.Runtime.Activation;

/// <summary>Activation and deactivation of an <see cref="ActivationData"/>.</summary>
internal sealed partial class ActivationData
{
    private Exception? _activationError;

    private async Task ActivateAsync()
    {
        try
        {
            Instance = Runtime.Activator.CreateInstance(this);
            foreach (var state in States)
            {
                await state.ReadOnActivateAsync(CancellationToken.None);
            }

            await Instance.OnActivateAsync(CancellationToken.None);
            lock (_lock)
            {
                State = ActivationState.Valid;
            }

            Runtime.Metrics.ActivationCreated(ClassInfo.GrainType);
        }
        catch (Exception ex)
        {
            Runtime.Log.ActivationFailed(GrainId, ex);
            _activationError = ex;
            lock (_lock)
            {
                State = ActivationState.Invalid;
            }

            Runtime.Catalog.Remove(this);
        }
    }

    /// <summary>Drops the activation at once, as a crashed silo would: no OnDeactivateAsync, timers stopped, queued calls failed.</summary>
    public void Abort()
    {
        WorkItem[] pending;
        lock (_lock)
        {
            pending = [.. _pending];
            _pending.Clear();
        }

        _ = LeaveState(ActivationState.Invalid);
        foreach (var item in pending)
        {
            item.Reject(new GrainActivationException($"The silo of {GrainId} was killed."));
        }

        Runtime.Catalog.Remove(this);
    }

    /// <summary>Moves to <paramref name="state"/>, stops the timers, and hands back the cleanups to run.</summary>
    private Func<Task>[] LeaveState(ActivationState state)
    {
        GrainTimer[] timers;
        Func<Task>[] cleanups;
        lock (_lock)
        {
            State = state;
            timers = [.. _timers];
            cleanups = [.. _onDeactivate];
            _timers.Clear();
            _onDeactivate.Clear();
        }

        foreach (var timer in timers)
        {
            timer.Dispose();
        }

        return cleanups;
    }

    private async Task RunDeactivationAsync(DeactivationReason reason)
    {
        var cleanups = LeaveState(ActivationState.Deactivating);
        try
        {
            await Instance!.OnDeactivateAsync(reason, CancellationToken.None);
        }
        catch (Exception ex)
        {
            Runtime.Log.DeactivationFailed(GrainId, ex);
        }

        foreach (var cleanup in cleanups)
        {
            try
            {
                await cleanup();
            }
            catch (Exception ex)
            {
                Runtime.Log.DeactivationFailed(GrainId, ex);
            }
        }

        lock (_lock)
        {
            State = ActivationState.Invalid;
        }

        Runtime.Catalog.Remove(this);
        Runtime.Metrics.ActivationRemoved(ClassInfo.GrainType);
    }

    /// <summary>The first turn of every activation.</summary>
    private sealed class ActivationWorkItem : WorkItem
    {
        public override bool IsLifecycle => true;

        public override Task ExecuteAsync(ActivationData activation) => activation.ActivateAsync();

        public override void Reject(Exception exception)
        {
        }

        public override void Forward(IWorkItemRouter router, GrainId target)
        {
        }
    }

    /// <summary>The last turn of every activation.</summary>
    private sealed class DeactivationWorkItem(DeactivationReason reason) : WorkItem
    {
        private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Completion => _done.Task;

        public override bool IsLifecycle => true;

        public override bool KeepsAlive => false;

        public override async Task ExecuteAsync(ActivationData activation)
        {
            try
            {
                await activation.RunDeactivationAsync(reason);
            }
            finally
            {
                _done.TrySetResult();
            }
        }

        public override void Reject(Exception exception) => _done.TrySetResult();

        public override void Forward(IWorkItemRouter router, GrainId target) => _done.TrySetResult();
    }
}
