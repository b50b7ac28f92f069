using Rides.Grains.Events;

namespace Rides.Benchmarks.Grains;

/// <summary>
/// An edge node's event sink reduced to what a benchmark needs: the next event completes the task that
/// <see cref="Next"/> handed out. One event is awaited at a time.
/// </summary>
public sealed class EventWaiter : IEventSink
{
    private TaskCompletionSource<TopicEvent> _next = new();

    /// <summary>A task that completes with the next event to arrive.</summary>
    public Task<TopicEvent> Next()
    {
        _next = new TaskCompletionSource<TopicEvent>();
        return _next.Task;
    }

    /// <inheritdoc />
    public Task OnEvent(TopicEvent e)
    {
        _next.TrySetResult(e);
        return Task.CompletedTask;
    }
}
