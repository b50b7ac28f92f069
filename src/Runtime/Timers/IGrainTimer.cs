namespace Rides.Runtime.Timers;

/// <summary>A timer that lives with its activation; ticks run as turns of the grain.</summary>
public interface IGrainTimer : IDisposable
{
    /// <summary>Changes when the timer next fires and its period (<see cref="Timeout.InfiniteTimeSpan"/> for one shot).</summary>
    void Change(TimeSpan dueTime, TimeSpan period);
}
