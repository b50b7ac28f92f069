using System.Globalization;
using Microsoft.AspNetCore.SignalR.Client;
using Rides.Edge;
using Rides.Edge.Protocol;
using Rides.Edge.Protocol.Events;
using Rides.Edge.Protocol.Payloads;
using Rides.LoadGen.Client;

namespace Rides.LoadGen.Scenario;

/// <summary>
/// Drives the real flow up to an active ride, as the apps do: tokens from the development issuer, the driver
/// goes online and reports a location, the rider requests a ride over REST and joins its room, the offer
/// reaches the driver, the driver accepts. Ride <c>i</c>'s driver connects to edge <c>i</c> and its rider to the
/// next one (round-robin), so on a cluster most events cross from one edge to another.
/// </summary>
public sealed class RideSetup(HttpClient http, IReadOnlyList<Uri> edges, string runTag)
{
    private static readonly TimeSpan OfferTimeout = TimeSpan.FromSeconds(10);
    private readonly RidesApi[] _apis = [.. edges.Select(e => new RidesApi(http, e))];

    /// <summary>Sets up ride <paramref name="index"/>.</summary>
    public async Task<RidePair> AcceptedAsync(int index, CancellationToken cancellationToken)
    {
        var area = new RideArea(index);
        var driverId = string.Create(CultureInfo.InvariantCulture, $"lg-{runTag}-d{index}");
        var riderId = string.Create(CultureInfo.InvariantCulture, $"lg-{runTag}-r{index}");
        var driverApi = _apis[index % _apis.Length];
        var riderApi = _apis[(index + 1) % _apis.Length];
        var driverToken = await driverApi.TokenAsync(driverId, "driver", cancellationToken).ConfigureAwait(false);
        var riderToken = await riderApi.TokenAsync(riderId, "rider", cancellationToken).ConfigureAwait(false);
        var driver = await ConnectAsync(driverApi.Server, driverToken, cancellationToken).ConfigureAwait(false);
        var rider = await ConnectAsync(riderApi.Server, riderToken, cancellationToken).ConfigureAwait(false);
        try
        {
            var (rideId, locatedAt) = await AcceptAsync(riderApi, area, driver, rider, riderToken, cancellationToken).ConfigureAwait(false);
            return new RidePair(rideId, driverId, area, driver, rider, locatedAt);
        }
        catch
        {
            await driver.DisposeAsync().ConfigureAwait(false);
            await rider.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task<(string RideId, long LocatedAt)> AcceptAsync(RidesApi api, RideArea area, HubConnection driver, HubConnection rider, string riderToken, CancellationToken cancellationToken)
    {
        var offered = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var offers = driver.On<NewRideRequest>(ClientMethodNames.NewRideRequest, offer => offered.TrySetResult(offer.RideId));
        (await driver.InvokeTimedAsync(HubMethodNames.GoOnline, new EmptyPayload(), cancellationToken).ConfigureAwait(false)).Expect("go_online");
        var (latitude, longitude) = area.Position(0);
        var located = (await driver.InvokeTimedAsync(
            HubMethodNames.UpdateLocation,
            new LocationPayload(latitude, longitude, Heading: null, Speed: null),
            cancellationToken).ConfigureAwait(false)).Expect("update_location");

        var rideId = await api.RequestRideAsync(riderToken, area, cancellationToken).ConfigureAwait(false);
        var ridePayload = new RideIdPayload(rideId);
        (await rider.InvokeTimedAsync(HubMethodNames.JoinRideRoom, ridePayload, cancellationToken).ConfigureAwait(false)).Expect("join_ride_room");
        var offeredId = await offered.Task.WaitAsync(OfferTimeout, cancellationToken).ConfigureAwait(false);
        if (offeredId != rideId)
        {
            throw new InvalidOperationException($"The driver was offered {offeredId}, not {rideId}.");
        }

        (await driver.InvokeTimedAsync(HubMethodNames.AcceptRide, ridePayload, cancellationToken).ConfigureAwait(false)).Expect("accept_ride");
        return (rideId, located.ReceivedAt);
    }

    private static Task<HubConnection> ConnectAsync(Uri server, string token, CancellationToken cancellationToken) =>
        HubConnections.ConnectAsync(server, EdgeEndpoints.HubPath, token, negotiate: false, cancellationToken);
}
