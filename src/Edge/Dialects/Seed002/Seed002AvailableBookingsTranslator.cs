using System.Globalization;
using Microsoft.Extensions.Logging;
using Rides.Edge.Protocol.Events;
using Rides.Edge.Sockets;
using Rides.Edge.Subscriptions;
using Rides.Grains;
using Rides.Grains.Authorization;

namespace Rides.Edge.Dialects.Seed002;

/// <summary>
/// Seed 002's <c>/ws/driver/available_bookings/</c>, for drivers: the bookings offered to this driver (the platform's
/// dispatch picks the drivers near the pickup), and their withdrawal. Connecting subscribes to the driver's offers; it
/// does not make the driver available: the driver goes online and reports its location over REST or the hub, as before.
/// </summary>
public sealed class Seed002AvailableBookingsTranslator(
    SocketSession session,
    ConnectionStreams streams,
    ILogger<Seed002AvailableBookingsTranslator> logger) : Seed002Translator(session, streams, logger)
{
    /// <summary>The path seed 002's driver app connects to for new bookings.</summary>
    public const string Path = "/ws/driver/available_bookings/";

    /// <summary>Drivers only: a rider's token is refused with 403.</summary>
    public static SocketDialectOptions Dialect { get; } = DialectFor("seed002_available_bookings", PlatformAction.FollowDriverOffers);

    /// <inheritdoc />
    protected override bool ForRider => false;

    /// <inheritdoc />
    public override Task OnOpenedAsync() => Streams.JoinDriverOffersAsync(Session.ConnectionId, Session.Caller.UserId);

    /// <inheritdoc />
    public override Task NewRideRequest(NewRideRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Session.Send(new AvailableBookingFrame(request.RideId, Location(request.Pickup), Location(request.Destination), request.FareEstimate, "A new booking is available.", request.EventId)
        {
            Currency = request.Currency,
            ExpiresAt = request.ExpiresAt,
        });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task RideRequestWithdrawn(RideRequestWithdrawn withdrawal)
    {
        ArgumentNullException.ThrowIfNull(withdrawal);
        Session.Send(new BookingUnavailableFrame(withdrawal.RideId, "unavailable", withdrawal.Reason, "The booking is no longer available.", withdrawal.EventId));
        return Task.CompletedTask;
    }

    private static string Location(Place place) =>
        place.Address ?? string.Create(CultureInfo.InvariantCulture, $"{place.Latitude}, {place.Longitude}");
}
