using Microsoft.Extensions.Logging;
using Rides.Edge.Protocol.Events;
using Rides.Edge.Sockets;
using Rides.Edge.Subscriptions;
using Rides.Grains;
using Rides.Grains.Authorization;
using Rides.Grains.Riders;
using Rides.Grains.Rides;

namespace Rides.Edge.Dialects.Seed002;

/// <summary>
/// Seed 002's <c>/ws/bookings/</c>, for riders: the status of the rider's bookings and the <c>otp</c> on acceptance. On
/// connect it joins the rider's active booking (replaying its statuses from the start, or after <c>last_event_id</c>) and
/// the rider's private topic, so a booking made later (over REST or the hub) is joined as soon as it is requested.
/// </summary>
public sealed class Seed002BookingsTranslator(
    SocketSession session,
    ConnectionStreams streams,
    IClusterClient cluster,
    ILogger<Seed002BookingsTranslator> logger) : Seed002Translator(session, streams, logger)
{
    /// <summary>The path seed 002's rider app connects to.</summary>
    public const string Path = "/ws/bookings/";

    /// <summary>Riders only: a driver's token is refused with 403 (seed 002 authenticates the two sides with separate middlewares).</summary>
    public static SocketDialectOptions Dialect { get; } = DialectFor("seed002_bookings", PlatformAction.FollowRiderBookings);

    /// <inheritdoc />
    protected override bool ForRider => true;

    /// <inheritdoc />
    public override async Task OnOpenedAsync()
    {
        var caller = Session.Caller;

        // The private topic first, so a booking requested while the active one is read is not missed.
        await Streams.JoinUserAsync(Session.ConnectionId, caller.UserId).ConfigureAwait(false);
        var rider = await cluster.Get<IRiderGrain>(caller.UserId).Get(caller).ConfigureAwait(false);
        if (rider.ActiveRideId is { } active)
        {
            var view = await JoinBookingAsync(active, ResumeSeq(active) ?? 0).ConfigureAwait(false);

            // A reconnecting rider gets the OTP of an accepted booking again: it is not in the replayed statuses.
            if (view is { Pin: { } pin, Status: RideStatus.ArrivingToPickup or RideStatus.DriverArrived })
            {
                Session.Send(new OtpFrame(pin, OtpMessage, view.RideId));
            }
        }
    }

    /// <inheritdoc />
    public override Task TripPin(TripPinMessage pin)
    {
        ArgumentNullException.ThrowIfNull(pin);
        Session.Send(new OtpFrame(pin.Pin, OtpMessage, pin.RideId));
        return Task.CompletedTask;
    }

    private const string OtpMessage = "Your booking has been accepted. Here is your OTP to start the trip.";
}
