using System.Diagnostics;

namespace Rides.LoadGen.Measurement;

/// <summary>
/// Runs one step per lane per round, a round a second, with the lanes' steps spread evenly over the second
/// (phones are not synchronised). A lane's next step also waits <c>minGap</c> after its previous answer,
/// which is how a client keeps to a server-side rate limit it cannot see the clock of.
/// </summary>
public static class Pacer
{
    /// <summary>The lanes' schedules start this long from now.</summary>
    private static readonly TimeSpan Lead = TimeSpan.FromMilliseconds(100);

    /// <summary>Runs <paramref name="rounds"/> rounds; <paramref name="step"/> returns the stamp of its answer.</summary>
    /// <param name="lanes">How many lanes (senders).</param>
    /// <param name="rounds">Steps per lane.</param>
    /// <param name="minGap">The least time from a lane's answer to its next step.</param>
    /// <param name="lastAnswers">Each lane's previous answer before the run (0 when none).</param>
    /// <param name="step">Lane index, round index; returns the answer's stopwatch stamp.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public static Task RunAsync(int lanes, int rounds, TimeSpan minGap, IReadOnlyList<long>? lastAnswers, Func<int, int, CancellationToken, Task<long>> step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        // Start when every lane may send, so the first round is spread like the rest.
        var start = Math.Max(Stopwatch.GetTimestamp() + Ticks(Lead), (lastAnswers?.DefaultIfEmpty().Max() ?? 0) + Ticks(minGap));
        var second = Stopwatch.Frequency;
        return Task.WhenAll(Enumerable.Range(0, lanes).Select(lane => Task.Run(async () =>
        {
            var offset = start + second * lane / lanes;
            var lastAnswer = lastAnswers?[lane] ?? 0;
            for (var round = 0; round < rounds; round++)
            {
                var due = Math.Max(offset + round * second, lastAnswer == 0 ? 0 : lastAnswer + Ticks(minGap));
                await DelayUntilAsync(due, cancellationToken).ConfigureAwait(false);
                lastAnswer = await step(lane, round, cancellationToken).ConfigureAwait(false);
            }
        }, cancellationToken)));
    }

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);

    /// <summary>
    /// Waits until the stopwatch reaches <paramref name="due"/>. Timers run on a coarse clock and fire up to a
    /// few milliseconds early (seen here: 6 ms), which would break the rate limit, so it waits again until due.
    /// </summary>
    private static async Task DelayUntilAsync(long due, CancellationToken cancellationToken)
    {
        long remaining;
        while ((remaining = due - Stopwatch.GetTimestamp()) > 0)
        {
            var wait = Math.Max(0.001, (double)remaining / Stopwatch.Frequency);
            await Task.Delay(TimeSpan.FromSeconds(wait), cancellationToken).ConfigureAwait(false);
        }
    }
}
