using Rides.Runtime.Hosting;
using Rides.Runtime.Scheduling;
using Rides.Runtime.Storage;
using Rides.Runtime.Timers;

namespace Rides.Runtime.Activation;

/// <summary>
/// One activation of a grain: its instance, its turn queue and scheduler, its timers and stream
/// subscriptions. Decides which work item may run now: one at a time unless the class is
/// reentrant or the method interleaves.
/// </summary>
internal sealed partial class ActivationData
{
    private readonly object _lock = new();
    private readonly LinkedList<WorkItem> _pending = new();
    private readonly List<GrainTimer> _timers = [];
    private readonly List<Func<Task>> _onDeactivate = [];
    private int _running;
    private int _runningReadOnly;
    private bool _lifecycleRunning;
    private DeactivationWorkItem? _deactivation;
    private long _lastActive;
    private DateTimeOffset _keepAliveUntil;

    public ActivationData(GrainId grainId, GrainClassInfo classInfo, SiloRuntime runtime)
    {
        GrainId = grainId;
        ClassInfo = classInfo;
        Runtime = runtime;
        Scheduler = new ActivationTaskScheduler(this);
        _lastActive = runtime.TimeProvider.GetTimestamp();
        _pending.AddFirst(new ActivationWorkItem());
    }

    public GrainId GrainId { get; }

    public GrainClassInfo ClassInfo { get; }

    public SiloRuntime Runtime { get; }

    public ActivationTaskScheduler Scheduler { get; }

    public Grain? Instance { get; set; }

    public List<IPersistentStateLifecycle> States { get; } = [];

    public ActivationState State { get; private set; } = ActivationState.Creating;

    /// <summary>The activation whose turn the current thread is running, if any.</summary>
    public static ActivationData? Current => ActivationTaskScheduler.CurrentScheduler?.Owner as ActivationData;

    public bool IsIdle(TimeSpan age, DateTimeOffset now)
    {
        lock (_lock)
        {
            return State == ActivationState.Valid && _running == 0 && _pending.Count == 0 && _deactivation is null
                && now >= _keepAliveUntil
                && Runtime.TimeProvider.GetElapsedTime(_lastActive) >= age;
        }
    }

    /// <summary>Queues a work item; false when the activation is gone and the item must go to the next one.</summary>
    public bool TryEnqueue(WorkItem item)
    {
        lock (_lock)
        {
            if (State == ActivationState.Invalid)
            {
                return false;
            }

            if ((_pending.Count == 0 || item.AlwaysInterleave) && CanAdmit(item))
            {
                Start(item);
            }
            else
            {
                _pending.AddLast(item);
                Pump();
            }

            return true;
        }
    }

    /// <summary>Deactivates after the running turns complete; queued requests go to the next activation.</summary>
    public Task DeactivateAsync(DeactivationReason reason)
    {
        lock (_lock)
        {
            if (State == ActivationState.Invalid)
            {
                return Task.CompletedTask;
            }

            if (_deactivation is null)
            {
                _deactivation = new DeactivationWorkItem(reason);
                if (_pending.First is { Value: ActivationWorkItem } activation)
                {
                    _pending.AddAfter(activation, _deactivation);
                }
                else
                {
                    _pending.AddFirst(_deactivation);
                }

                Pump();
            }

            return _deactivation.Completion;
        }
    }

    public void DelayDeactivation(TimeSpan delay)
    {
        lock (_lock)
        {
            _keepAliveUntil = delay == TimeSpan.MaxValue ? DateTimeOffset.MaxValue : Runtime.TimeProvider.GetUtcNow() + delay;
        }
    }

    public void AddTimer(GrainTimer timer)
    {
        lock (_lock)
        {
            _timers.Add(timer);
        }
    }

    public void RemoveTimer(GrainTimer timer)
    {
        lock (_lock)
        {
            _timers.Remove(timer);
        }
    }

    /// <summary>Registers cleanup that runs when the activation deactivates (stream subscriptions).</summary>
    public void OnDeactivating(Func<Task> cleanup)
    {
        lock (_lock)
        {
            _onDeactivate.Add(cleanup);
        }
    }

    private bool CanAdmit(WorkItem item)
    {
        if (_lifecycleRunning)
        {
            return false;
        }

        if (item.IsLifecycle)
        {
            return _running == 0;
        }

        if (State != ActivationState.Valid)
        {
            return false;
        }

        if (_running == 0 || ClassInfo.IsReentrant || item.AlwaysInterleave)
        {
            return true;
        }

        return item.ReadOnly && _runningReadOnly == _running;
    }

    private void Start(WorkItem item)
    {
        _running++;
        if (item.ReadOnly)
        {
            _runningReadOnly++;
        }

        if (item.IsLifecycle)
        {
            _lifecycleRunning = true;
        }

        _ = RunAsync(item);
    }

    private async Task RunAsync(WorkItem item)
    {
        try
        {
            await Task.Factory.StartNew(
                    static state => { var (self, work) = ((ActivationData, WorkItem))state!; return work.ExecuteAsync(self); },
                    (this, item),
                    CancellationToken.None,
                    TaskCreationOptions.DenyChildAttach,
                    Scheduler)
                .Unwrap()
                .ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Runtime.Log.WorkItemFailed(GrainId, ex);
        }
        finally
        {
            Completed(item);
        }
    }

    private void Completed(WorkItem item)
    {
        List<WorkItem>? orphans = null;
        lock (_lock)
        {
            _running--;
            if (item.ReadOnly)
            {
                _runningReadOnly--;
            }

            if (item.IsLifecycle)
            {
                _lifecycleRunning = false;
            }

            if (item.KeepsAlive)
            {
                _lastActive = Runtime.TimeProvider.GetTimestamp();
            }

            if (State == ActivationState.Invalid)
            {
                orphans = [.. _pending];
                _pending.Clear();
            }
            else
            {
                Pump();
            }
        }

        if (orphans is not null)
        {
            foreach (var orphan in orphans)
            {
                if (_activationError is { } error)
                {
                    orphan.Reject(error);
                }
                else
                {
                    orphan.Forward(Runtime.Router, GrainId);
                }
            }
        }
    }

    private void Pump()
    {
        while (_pending.First is { } first && CanAdmit(first.Value))
        {
            _pending.RemoveFirst();
            Start(first.Value);
        }
    }
}
