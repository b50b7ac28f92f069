using Rides.Runtime.Activation;

namespace Rides.Runtime.Timers;

/// <summary>
/// A timer of one activation. Each tick is queued as a turn; the next tick is armed when that turn
/// ends, so the period runs from the end of one callback to the start of the next (as in Orleans)
/// and ticks never pile up behind a slow callback.
/// </summary>
internal sealed class GrainTimer : IGrainTimer
{
    private readonly ActivationData _activation;
    private readonly Func<CancellationToken, Task> _callback;
    private readonly CancellationTokenSource _disposed = new();
    private readonly ITimer _timer;
    private long _periodTicks;

    public GrainTimer(ActivationData activation, Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        _activation = activation;
        _callback = callback;
        _timer = activation.Runtime.TimeProvider.CreateTimer(static s => ((GrainTimer)s!).Tick(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        activation.AddTimer(this);
        Change(dueTime, period);
    }

    public void Change(TimeSpan dueTime, TimeSpan period)
    {
        Interlocked.Exchange(ref _periodTicks, period.Ticks);
        _timer.Change(dueTime, Timeout.InfiniteTimeSpan);
    }

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
        if (_disposed.IsCancellationRequested)
        {
            return;
        }

        var item = new CallbackWorkItem(
            async () =>
            {
                try
                {
                    if (!_disposed.IsCancellationRequested)
                    {
                        await _callback(_disposed.Token);
                    }
                }
                finally
                {
                    // Armed inside the turn: once the turn is over, the next tick is scheduled.
                    var period = TimeSpan.FromTicks(Interlocked.Read(ref _periodTicks));
                    if (!_disposed.IsCancellationRequested && period != Timeout.InfiniteTimeSpan)
                    {
                        _timer.Change(period, Timeout.InfiniteTimeSpan);
                    }
                }
            },
            keepsAlive: false,
            ex => _activation.Runtime.Log.TimerFailed(_activation.GrainId, ex));
        _activation.TryEnqueue(item);
    }
}
