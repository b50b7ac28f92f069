using Microsoft.Extensions.Logging;
using Rides.Edge.Sockets;
using Rides.Edge.Subscriptions;
using Rides.Grains;
using Rides.Grains.Authorization;
using Rides.Grains.Drivers;

namespace Rides.Edge.Dialects.Seed002;

/// <summary>
/// Seed 002's <c>/ws/driver/bookings/</c>, for drivers: the status of the bookings assigned to the driver. On connect it
/// joins the driver's current booking (replaying its statuses after the request, or after <c>last_event_id</c>) and the
/// driver's private topic, so a booking the driver accepts later (on any connection) is joined at once.
/// </summary>
public sealed class Seed002DriverBookingsTranslator(
    SocketSession session,
    ConnectionStreams streams,
    IClusterClient cluster,
    ILogger<Seed002DriverBookingsTranslator> logger) : Seed002Translator(session, streams, logger)
{
    /// <summary>The path seed 002's driver app connects to for its assigned bookings.</summary>
    public const string Path = "/ws/driver/bookings/";

    /// <summary>Drivers only: a rider's token is refused with 403.</summary>
    public static SocketDialectOptions Dialect { get; } = DialectFor("seed002_driver_bookings", PlatformAction.FollowDriverBookings);

    /// <inheritdoc />
    protected override bool ForRider => false;

    /// <inheritdoc />
    public override async Task OnOpenedAsync()
    {
        var caller = Session.Caller;
        await Streams.JoinUserAsync(Session.ConnectionId, caller.UserId).ConfigureAwait(false);
        var driver = await cluster.Get<IDriverGrain>(caller.UserId).Get(caller).ConfigureAwait(false);
        if (driver.CurrentRideId is { } current)
        {
            // After seq 1: the request itself was the offer, heard on the available bookings channel.
            await JoinBookingAsync(current, ResumeSeq(current) ?? 1).ConfigureAwait(false);
        }
    }
}
