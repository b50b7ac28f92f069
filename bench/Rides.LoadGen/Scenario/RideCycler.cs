using System.Diagnostics;
using Microsoft.AspNetCore.SignalR.Client;
using Rides.Edge.Protocol;
using Rides.Edge.Protocol.Events;
using Rides.Edge.Protocol.Payloads;
using Rides.LoadGen.Client;
using Rides.LoadGen.Measurement;

namespace Rides.LoadGen.Scenario;

/// <summary>
/// One driver and one rider doing whole rides in a loop, in their own map patch (so each ride is offered to this
/// driver alone): <c>request_ride</c> (rider, hub, the ride id chosen by the client), the offer, <c>accept_ride</c>,
/// <c>driver_arrived</c>, <c>start_ride</c>, locations a second apart, <c>complete_ride</c>, <c>rate_driver</c>,
/// <c>rate_rider</c>. Each step's round trip goes to its <see cref="SampleSet"/>; a refused step ends the ride
/// (the rider cancels it) and the loop goes on.
/// </summary>
public sealed class RideCycler
{
    /// <summary>The names of the timed steps, in ride order.</summary>
    public static readonly string[] Steps =
    [
        "request_ride", "request → offer", "accept_ride", "driver_arrived", "start_ride", "update_location (driving)", "complete_ride", "rate_driver", "rate_rider",
    ];

    private static readonly TimeSpan OfferTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan LocationGap = TimeSpan.FromMilliseconds(1005);
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(20);
    private readonly RideArea _area;
    private readonly string _idPrefix;
    private readonly int _locations;
    private TaskCompletionSource<long>? _offer;
    private string? _rideId;
    private long _lastLocationAt;
    private int _step;
    private int _number;

    private RideCycler(HubConnection driver, HubConnection rider, RideArea area, string idPrefix, int locations, long lastLocationAt)
    {
        Driver = driver;
        Rider = rider;
        _area = area;
        _idPrefix = idPrefix;
        _locations = locations;
        _lastLocationAt = lastLocationAt;
        Driver.On<NewRideRequest>(ClientMethodNames.NewRideRequest, offer =>
        {
            var at = Stopwatch.GetTimestamp();
            if (offer.RideId == Volatile.Read(ref _rideId))
            {
                Volatile.Read(ref _offer)?.TrySetResult(at);
            }
        });
    }

    /// <summary>The driver's connection.</summary>
    public HubConnection Driver { get; }

    /// <summary>The rider's connection.</summary>
    public HubConnection Rider { get; }

    /// <summary>Connects driver and rider of pair <paramref name="index"/> (driver on edge i, rider on edge i + 1) and puts the driver online.</summary>
    public static async Task<RideCycler> CreateAsync(IReadOnlyList<RidesApi> apis, string tag, int index, int locations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(apis);
        var driver = await Users.ConnectAsync(apis[index % apis.Count], $"{tag}-d{index}", "driver", cancellationToken).ConfigureAwait(false);
        HubConnection? rider = null;
        try
        {
            rider = await Users.ConnectAsync(apis[(index + 1) % apis.Count], $"{tag}-r{index}", "rider", cancellationToken).ConfigureAwait(false);
            var area = new RideArea(index);
            (await driver.InvokeTimedAsync(HubMethodNames.GoOnline, new EmptyPayload(), cancellationToken).ConfigureAwait(false)).Expect("go_online");
            var (latitude, longitude) = area.Position(0);
            var located = (await driver.InvokeTimedAsync(HubMethodNames.UpdateLocation, new LocationPayload(latitude, longitude, 0, 0), cancellationToken).ConfigureAwait(false)).Expect("update_location");
            return new RideCycler(driver, rider, area, $"{tag}-{index}", locations, located.ReceivedAt);
        }
        catch
        {
            await driver.DisposeAsync().ConfigureAwait(false);
            if (rider is not null)
            {
                await rider.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    /// <summary>
    /// Does rides until <paramref name="stop"/> is cancelled (the ride under way is finished first); each completed
    /// ride calls <paramref name="completed"/> with its completion stamp. A ride's steps are recorded when
    /// <paramref name="measure"/> says so at its start.
    /// </summary>
    public async Task RunAsync(IReadOnlyDictionary<string, SampleSet> transitions, Func<bool> measure, Action<long> completed, CancellationToken stop, CancellationToken abort)
    {
        ArgumentNullException.ThrowIfNull(transitions);
        ArgumentNullException.ThrowIfNull(measure);
        ArgumentNullException.ThrowIfNull(completed);
        while (!stop.IsCancellationRequested)
        {
            var rideId = $"{_idPrefix}-{_number++}";
            var ok = await RideAsync(rideId, transitions, measure(), abort).ConfigureAwait(false);
            if (ok)
            {
                completed(Stopwatch.GetTimestamp());
            }
            else
            {
                // Whatever went wrong, leave no active ride behind, and do not spin.
                await Rider.InvokeTimedAsync(HubMethodNames.CancelRide, new CancelRidePayload(rideId, "load test"), abort).ConfigureAwait(false);
                await Task.Delay(500, abort).ConfigureAwait(false);
            }
        }
    }

    private async Task<bool> RideAsync(string rideId, IReadOnlyDictionary<string, SampleSet> transitions, bool measured, CancellationToken cancellationToken)
    {
        if (Stopwatch.GetElapsedTime(_lastLocationAt) > Refresh && !await LocateAsync(null, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        SampleSet? Of(string step) => measured ? transitions[step] : null;
        var offer = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _offer, offer);
        Volatile.Write(ref _rideId, rideId);
        var sentAt = Stopwatch.GetTimestamp();
        if (!await StepAsync(Rider, HubMethodNames.RequestRide, RidesApi.RideRequestBody(_area.Latitude, _area.Longitude, rideId), Of("request_ride"), cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        try
        {
            var at = await offer.Task.WaitAsync(OfferTimeout, cancellationToken).ConfigureAwait(false);
            Of("request → offer")?.Add(sentAt, at);
        }
        catch (TimeoutException)
        {
            Of("request → offer")?.Lose();
            return false;
        }

        var ride = new RideIdPayload(rideId);
        if (!await StepAsync(Driver, HubMethodNames.AcceptRide, ride, Of("accept_ride"), cancellationToken).ConfigureAwait(false)
            || !await StepAsync(Driver, HubMethodNames.DriverArrived, ride, Of("driver_arrived"), cancellationToken).ConfigureAwait(false)
            || !await StepAsync(Driver, HubMethodNames.StartRide, new StartRidePayload(rideId, null), Of("start_ride"), cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        for (var i = 0; i < _locations; i++)
        {
            if (!await LocateAsync(Of("update_location (driving)"), cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }

        return await StepAsync(Driver, HubMethodNames.CompleteRide, ride, Of("complete_ride"), cancellationToken).ConfigureAwait(false)
            && await StepAsync(Rider, HubMethodNames.RateDriver, new RatingPayload(rideId, 5, null), Of("rate_driver"), cancellationToken).ConfigureAwait(false)
            && await StepAsync(Driver, HubMethodNames.RateRider, new RatingPayload(rideId, 5, null), Of("rate_rider"), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The next position, a metre further (wrapping within 400 m), once the rate limit allows it.</summary>
    private async Task<bool> LocateAsync(SampleSet? samples, CancellationToken cancellationToken)
    {
        var wait = LocationGap - Stopwatch.GetElapsedTime(_lastLocationAt);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
        }

        var (latitude, longitude) = _area.Position(++_step % 400);
        var answer = await Driver.InvokeTimedAsync(HubMethodNames.UpdateLocation, new LocationPayload(latitude, longitude, 0, 12), cancellationToken).ConfigureAwait(false);
        _lastLocationAt = answer.ReceivedAt;
        return Record(answer, samples);
    }

    private static async Task<bool> StepAsync(HubConnection connection, string method, object payload, SampleSet? samples, CancellationToken cancellationToken) =>
        Record(await connection.InvokeTimedAsync(method, payload, cancellationToken).ConfigureAwait(false), samples);

    private static bool Record(HubAnswer answer, SampleSet? samples)
    {
        if (answer.IsSuccess)
        {
            samples?.Add(answer.SentAt, answer.ReceivedAt);
            return true;
        }

        samples?.Refuse(answer.Code);
        return false;
    }
}
