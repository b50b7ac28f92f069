using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.SignalR.Client;
using Rides.Edge.Protocol.Payloads;
using Rides.LoadGen.Client;

namespace Rides.LoadGen.Measurement;

/// <summary>Every connection invokes ping once a second; measures invocation to completion.</summary>
public static class PingPhase
{
    private static readonly EmptyPayload Empty = new();

    /// <summary>Runs the phase over <paramref name="clients"/>, invoking <paramref name="method"/> with <c>{}</c>.</summary>
    public static async Task<LatencySummary> RunAsync(IReadOnlyList<HubConnection> clients, string method, PhaseOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(options);
        var samples = new ConcurrentBag<(long SentAt, long ReceivedAt)>();
        var refused = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        await Pacer.RunAsync(clients.Count, options.WarmupRounds + options.Rounds, TimeSpan.Zero, null, async (index, round, token) =>
        {
            var answer = await clients[index].InvokeTimedAsync(method, Empty, token).ConfigureAwait(false);
            if (!answer.IsSuccess)
            {
                refused.AddOrUpdate(answer.Code, 1, (_, n) => n + 1);
            }
            else if (round >= options.WarmupRounds)
            {
                samples.Add((answer.SentAt, answer.ReceivedAt));
            }

            return answer.ReceivedAt;
        }, cancellationToken).ConfigureAwait(false);

        var latencies = samples.Select(s => Stopwatch.GetElapsedTime(s.SentAt, s.ReceivedAt).TotalMilliseconds);
        return samples.IsEmpty
            ? LatencySummary.Of([], 0, 0, lost: 0, refused)
            : LatencySummary.Of(latencies, samples.Min(s => s.ReceivedAt), samples.Max(s => s.ReceivedAt), lost: 0, refused);
    }
}
