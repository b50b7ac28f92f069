using System.Collections.Concurrent;

namespace Rides.Runtime.Scheduling;

/// <summary>
/// Runs the tasks of one activation one at a time, on thread-pool threads. Grain code awaits
/// without <c>ConfigureAwait(false)</c>, so its continuations come back here: this is what makes
/// an activation single-threaded even when its requests interleave.
/// </summary>
internal sealed class ActivationTaskScheduler : TaskScheduler, IThreadPoolWorkItem
{
    private const int MaxTasksPerSlice = 64;

    [ThreadStatic]
    private static ActivationTaskScheduler? t_current;

    private readonly ConcurrentQueue<Task> _queue = new();
    private int _scheduled;

    public ActivationTaskScheduler(object owner)
    {
        Owner = owner;
    }

    /// <summary>The scheduler whose task this thread is running, if any.</summary>
    public static ActivationTaskScheduler? CurrentScheduler => t_current;

    /// <summary>The activation this scheduler belongs to.</summary>
    public object Owner { get; }

    public override int MaximumConcurrencyLevel => 1;

    void IThreadPoolWorkItem.Execute()
    {
        t_current = this;
        try
        {
            for (var i = 0; i < MaxTasksPerSlice && _queue.TryDequeue(out var task); i++)
            {
                TryExecuteTask(task);
            }
        }
        finally
        {
            t_current = null;
        }

        Volatile.Write(ref _scheduled, 0);
        if (!_queue.IsEmpty && Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    protected override void QueueTask(Task task)
    {
        _queue.Enqueue(task);
        if (Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: true);
        }
    }

    // Inline only when this thread is already running this activation: never two threads at once.
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        t_current == this && !taskWasPreviouslyQueued && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => _queue.ToArray();
}
