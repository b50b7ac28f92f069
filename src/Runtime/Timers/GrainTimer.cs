using Rides.Runtime.Activation;

namespace Rides.Runtime.Timers;

/// <summary>A timer of one activation; each tick is queued as a turn, and a tick still running makes the next one skip.</summary>
internal sealed class GrainTimer : IGrainTimer
{
    private readonly ActivationData _activation;
    private readonly Func<CancellationToken, Task> _callback;
    private readonly CancellationTokenSource _disposed = new();
    private readonly ITimer _timer;
    private int _ticking;

    public GrainTimer(ActivationData activation, Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        _activation = activation;
        _callback = callback;
        _timer = activation.Runtime.TimeProvider.CreateTimer(static s => ((GrainTimer)s!).Tick(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        activation.AddTimer(this);
        _timer.Change(dueTime, period);
    }

    public void Change(TimeSpan dueTime, TimeSpan period) => _timer.Change(dueTime, period);

    public void Dispose()
    {
        if (_disposed.IsCancellationRequested)
        {
            return;
        }

        _disposed.Cancel();
        _timer.Dispose();
        _activation.RemoveTimer(this);
    }

    private void Tick()
    {
        if (_disposed.IsCancellationRequested || Interlocked.Exchange(ref _ticking, 1) == 1)
        {
            return;
        }

        var item = new CallbackWorkItem(
            async () =>
            {
                if (!_disposed.IsCancellationRequested)
                {
                    await _callback(_disposed.Token);
                }
            },
            keepsAlive: false,
            ex => _activation.Runtime.Log.TimerFailed(_activation.GrainId, ex));
        item.Completion.ContinueWith(static (_, s) => Volatile.Write(ref ((GrainTimer)s!)._ticking, 0), this, TaskScheduler.Default);
        if (!_activation.TryEnqueue(item))
        {
            Volatile.Write(ref _ticking, 0);
        }
    }
}
