using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.SignalR.Client;
using Rides.Edge.Protocol;
using Rides.Edge.Protocol.Events;
using Rides.Edge.Protocol.Payloads;
using Rides.Grains.Rides;
using Rides.LoadGen.Client;
using Rides.LoadGen.Scenario;

namespace Rides.LoadGen.Measurement;

/// <summary>
/// Ride status events: every driver reports <c>driver_arrived</c>, then <c>start_ride</c>; each measures from
/// just before the driver's call to the rider's <c>ride_status_update</c> with the new status (persisted by
/// the ride grain, published on its topic, fanned out by the edge). Changes are paced at
/// <see cref="PerSecond"/> over all rides (ride i's first change at i / rate, its second one a full
/// pass later): a city's status changes are a steady trickle (2,000 rides changing every two minutes are
/// about 17 a second), not a burst.
/// </summary>
public static class StatusPhase
{
    /// <summary>Status changes per second over all rides.</summary>
    public const double PerSecond = 100;

    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(10);

    /// <summary>How many of <paramref name="rides"/> rides change status unmeasured first: a tenth, at most 50.</summary>
    public static int WarmupRides(int rides) => Math.Min(rides / 10, 50);

    /// <summary>Runs the phase over <paramref name="rides"/>.</summary>
    public static async Task<LatencySummary> RunAsync(IReadOnlyList<RidePair> rides, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rides);
        var samples = new ConcurrentBag<double>();
        var refused = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var lost = 0;
        long first = long.MaxValue, last = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(rides.Select(async (ride, index) =>
        {
            var token = cancellationToken;
            var step = 0;
            foreach (var (method, payload, status) in Steps(ride.RideId))
            {
                var due = TimeSpan.FromSeconds((index + (step++ * rides.Count)) / PerSecond);
                await Pacing.UntilAsync(clock, due, token).ConfigureAwait(false);

                var arrived = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
                using var subscription = ride.Rider.On<RideStatusUpdate>(ClientMethodNames.RideStatusUpdate, e =>
                {
                    var at = Stopwatch.GetTimestamp();
                    if (e.RideId == ride.RideId && e.Status == status)
                    {
                        arrived.TrySetResult(at);
                    }
                });
                var sentAt = Stopwatch.GetTimestamp();
                var answer = await ride.Driver.InvokeTimedAsync(method, payload, token).ConfigureAwait(false);
                if (!answer.IsSuccess)
                {
                    refused.AddOrUpdate(answer.Code, 1, (_, n) => n + 1);
                    return;
                }

                try
                {
                    var at = await arrived.Task.WaitAsync(EventTimeout, token).ConfigureAwait(false);
                    samples.Add(Stopwatch.GetElapsedTime(sentAt, at).TotalMilliseconds);
                    InterlockedMin(ref first, at);
                    InterlockedMax(ref last, at);
                }
                catch (TimeoutException)
                {
                    Interlocked.Increment(ref lost);
                }
            }
        })).ConfigureAwait(false);
        return LatencySummary.Of(samples, first == long.MaxValue ? 0 : first, last, lost, refused);
    }

    private static (string Method, object Payload, RideStatus Status)[] Steps(string rideId) =>
    [
        (HubMethodNames.DriverArrived, new RideIdPayload(rideId), RideStatus.DriverArrived),
        (HubMethodNames.StartRide, new StartRidePayload(rideId, Pin: null), RideStatus.DrivingToDestination),
    ];

    private static void InterlockedMin(ref long target, long value)
    {
        var current = Interlocked.Read(ref target);
        while (value < current && Interlocked.CompareExchange(ref target, value, current) != current)
        {
            current = Interlocked.Read(ref target);
        }
    }

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Interlocked.Read(ref target);
        while (value > current && Interlocked.CompareExchange(ref target, value, current) != current)
        {
            current = Interlocked.Read(ref target);
        }
    }
}
