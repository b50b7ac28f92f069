using System.Diagnostics;

namespace Rides.LoadGen.Measurement;

/// <summary>Open-loop pacing: waits until a stopwatch reaches a send's due time.</summary>
public static class Pacing
{
    /// <summary>
    /// Waits until <paramref name="clock"/> reads <paramref name="due"/>; returns at once when it is already late.
    /// The clock is read once: read twice, it can pass the due time in between and ask for a negative delay.
    /// </summary>
    public static Task UntilAsync(Stopwatch clock, TimeSpan due, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var wait = due - clock.Elapsed;
        return wait > TimeSpan.Zero ? Task.Delay(wait, cancellationToken) : Task.CompletedTask;
    }
}
