using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR.Client;
using Rides.Edge.Protocol;
using Rides.Edge.Protocol.Events;
using Rides.LoadGen.Client;

namespace Rides.LoadGen.Measurement;

/// <summary>Every lane sends a position a second; measures send to receipt at the lane's receiver.</summary>
public static class LocationPhase
{
    /// <summary>The least time between two positions of one sender: the platform's 1 per second, and a margin.</summary>
    public static readonly TimeSpan MinGap = TimeSpan.FromMilliseconds(1005);

    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(5);

    /// <summary>Runs the phase over <paramref name="lanes"/>.</summary>
    public static async Task<LatencySummary> RunAsync(IReadOnlyList<LocationLane> lanes, PhaseOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lanes);
        ArgumentNullException.ThrowIfNull(options);
        var recorder = new LatencyRecorder();
        var refused = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var subscriptions = lanes.Select(l => l.Receiver.On<DriverLocationUpdate>(ClientMethodNames.DriverLocationUpdate, recorder.OnLocation)).ToArray();
        try
        {
            await Pacer.RunAsync(lanes.Count, options.WarmupRounds + options.Rounds, MinGap, [.. lanes.Select(l => l.LastAnswerAt)], async (index, round, token) =>
            {
                var lane = lanes[index];
                var (latitude, longitude) = lane.Area.Position(round + 1);
                recorder.Sending(latitude, longitude, measured: round >= options.WarmupRounds);
                var answer = await lane.Sender.InvokeTimedAsync(lane.Method, lane.Payload(latitude, longitude), token).ConfigureAwait(false);
                if (!answer.IsSuccess)
                {
                    recorder.Refused(latitude, longitude);
                    refused.AddOrUpdate(answer.Code, 1, (_, n) => n + 1);
                }

                return answer.ReceivedAt;
            }, cancellationToken).ConfigureAwait(false);
            await recorder.DrainAsync(DrainLimit, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            foreach (var subscription in subscriptions)
            {
                subscription.Dispose();
            }
        }

        if (recorder.Unmatched > 0)
        {
            refused["unmatched deliveries"] = recorder.Unmatched;
        }

        return recorder.Summarize(refused);
    }
}
