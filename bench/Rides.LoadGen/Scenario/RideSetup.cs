using System.Globalization;
using Rides.Edge;
using Rides.Edge.Protocol;
using Rides.LoadGen.Client;

namespace Rides.LoadGen.Scenario;

/// <summary>
/// Drives the real flow up to an active ride, as the apps do: tokens from the development issuer, the driver
/// goes online and reports a location, the rider requests a ride over REST and joins its room, the offer
/// reaches the driver, the driver accepts.
/// </summary>
public sealed class RideSetup(HttpClient http, Uri server, string runTag)
{
    private static readonly TimeSpan OfferTimeout = TimeSpan.FromSeconds(10);
    private readonly RidesApi _api = new(http);

    /// <summary>Sets up ride <paramref name="index"/>.</summary>
    public async Task<RidePair> AcceptedAsync(int index, CancellationToken cancellationToken)
    {
        var area = new RideArea(index);
        var driverId = string.Create(CultureInfo.InvariantCulture, $"lg-{runTag}-d{index}");
        var riderId = string.Create(CultureInfo.InvariantCulture, $"lg-{runTag}-r{index}");
        var driverToken = await _api.TokenAsync(driverId, "driver", cancellationToken).ConfigureAwait(false);
        var riderToken = await _api.TokenAsync(riderId, "rider", cancellationToken).ConfigureAwait(false);
        var driver = await ConnectAsync(driverToken, cancellationToken).ConfigureAwait(false);
        var rider = await ConnectAsync(riderToken, cancellationToken).ConfigureAwait(false);
        try
        {
            var (rideId, locatedAt) = await AcceptAsync(area, driver, rider, riderToken, cancellationToken).ConfigureAwait(false);
            return new RidePair(rideId, driverId, area, driver, rider, locatedAt);
        }
        catch
        {
            await driver.DisposeAsync().ConfigureAwait(false);
            await rider.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task<(string RideId, long LocatedAt)> AcceptAsync(RideArea area, RawHubClient driver, RawHubClient rider, string riderToken, CancellationToken cancellationToken)
    {
        var offered = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        driver.EventReceived = (target, payload, _) =>
        {
            if (target == ClientMethodNames.NewRideRequest)
            {
                offered.TrySetResult(payload.GetProperty("ride_id").GetString()!);
            }
        };
        Envelope.Expect(await driver.InvokeAsync(HubMethodNames.GoOnline, "{}", cancellationToken).ConfigureAwait(false), "go_online");
        var (latitude, longitude) = area.Position(0);
        var located = Envelope.Expect(await driver.InvokeAsync(
            HubMethodNames.UpdateLocation,
            $"{{\"latitude\":{RideArea.Json(latitude)},\"longitude\":{RideArea.Json(longitude)}}}",
            cancellationToken).ConfigureAwait(false), "update_location");

        var rideId = await _api.RequestRideAsync(riderToken, area, cancellationToken).ConfigureAwait(false);
        var ridePayload = $"{{\"ride_id\":\"{rideId}\"}}";
        Envelope.Expect(await rider.InvokeAsync(HubMethodNames.JoinRideRoom, ridePayload, cancellationToken).ConfigureAwait(false), "join_ride_room");
        var offeredId = await offered.Task.WaitAsync(OfferTimeout, cancellationToken).ConfigureAwait(false);
        if (offeredId != rideId)
        {
            throw new InvalidOperationException($"The driver was offered {offeredId}, not {rideId}.");
        }

        Envelope.Expect(await driver.InvokeAsync(HubMethodNames.AcceptRide, ridePayload, cancellationToken).ConfigureAwait(false), "accept_ride");
        driver.EventReceived = null;
        return (rideId, located.ReceivedAt);
    }

    private Task<RawHubClient> ConnectAsync(string token, CancellationToken cancellationToken) =>
        RawHubClient.ConnectAsync(http, server, EdgeEndpoints.HubPath, token, cancellationToken);
}
