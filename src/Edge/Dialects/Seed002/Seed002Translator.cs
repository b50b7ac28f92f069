using System.Text.Json;
using Microsoft.Extensions.Logging;
using Rides.Edge.Protocol;
using Rides.Edge.Protocol.Events;
using Rides.Edge.Sockets;
using Rides.Edge.Subscriptions;
using Rides.Grains;
using Rides.Grains.Authorization;
using Rides.Grains.Errors;
using Rides.Grains.Rides;
using Rides.Grains.Users;

namespace Rides.Edge.Dialects.Seed002;

/// <summary>
/// Seed 002's three push-only channels, authenticated by <c>Authorization: Bearer</c> (or the core's other ways), 401 before
/// the upgrade for a missing or bad token, 403 for a token of the wrong side: <c>/ws/bookings/</c> (riders),
/// <c>/ws/driver/bookings/</c> and <c>/ws/driver/available_bookings/</c> (drivers). Frames are seed 002's own snake_case
/// objects without a <c>type</c>. The apps act over REST or the hub; a frame sent here is answered with
/// <c>{success: false, …}</c> and the socket stays open. This base holds what the channels share: joining the user's
/// bookings with replay, the status table (<see cref="Seed002Statuses"/>) and the error shape.
/// </summary>
public abstract partial class Seed002Translator(SocketSession session, ConnectionStreams streams, ILogger logger) : SocketTranslator(session)
{
    private readonly Lock _joinedLock = new();
    private readonly HashSet<string> _joined = new(StringComparer.Ordinal);

    /// <summary>The JSON of seed 002's frames: snake_case, nulls left out.</summary>
    public static JsonSerializerOptions Json { get; } = CreateJson();

    /// <summary>The connection's streams, for the subscriptions each channel holds.</summary>
    protected ConnectionStreams Streams { get; } = streams;

    /// <summary>Whether this channel speaks to the booking's rider (else to its driver): picks the status messages.</summary>
    protected abstract bool ForRider { get; }

    /// <summary>The settings of one seed 002 channel: 401 before the upgrade, only the tokens of roles the <see cref="AccessPolicy"/> allows <paramref name="action"/>, seed 002's refusal body.</summary>
    public static SocketDialectOptions DialectFor(string name, PlatformAction action) => new()
    {
        Name = name,
        Json = Json,
        Unauthenticated = SocketUnauthenticated.RefuseUpgrade,
        AllowedRoles = AccessPolicy.AllowedRoles(action).ToHashSet(),
        RefusalBody = refusal => new Seed002ErrorFrame(
            false,
            refusal.Code == EdgeErrorCodes.Unauthenticated ? "Invalid or expired token." : refusal.Message,
            refusal.Code)
        {
            Detail = refusal.Detail,
        },
    };

    /// <inheritdoc />
    public override Task OnFrameAsync(SocketFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        throw new RidesException(EdgeErrorCodes.UnknownMessageType, "Malformed WebSocket request.", "seed 002's channels only send; act on bookings over REST or the hub");
    }

    /// <inheritdoc />
    public override object ErrorFrame(SocketError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new Seed002ErrorFrame(false, error.Message, error.Code) { Detail = error.Detail };
    }

    /// <inheritdoc />
    public override Task RideStatusUpdate(RideStatusUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var data = update.Data;
        Session.Send(new BookingStatusFrame(update.RideId, Seed002Statuses.Of(update.Status), Seed002Statuses.MessageOf(update.Status, ForRider), update.EventId)
        {
            CancelledBy = data.CanceledBy,
            Reason = data.Reason,
            Fare = data.Fare,
            Currency = data.Currency,
        });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task UserRide(UserRideNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);

        // Off the delivery path: the join calls the ride grain. The replay brings the booking's statuses so far.
        _ = JoinFromNoticeAsync(notice.RideId, notice.Kind == UserNotificationKind.RideAssigned ? 1 : 0);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Joins the booking once per socket: its status events after <paramref name="afterSeq"/> are replayed, then live ones
    /// follow. Null when it was joined already.
    /// </summary>
    protected async Task<RideView?> JoinBookingAsync(string rideId, long? afterSeq)
    {
        lock (_joinedLock)
        {
            if (!_joined.Add(rideId))
            {
                return null;
            }
        }

        try
        {
            return await Session.JoinRideAsync(rideId, afterSeq).ConfigureAwait(false);
        }
        catch
        {
            lock (_joinedLock)
            {
                _joined.Remove(rideId);
            }

            throw;
        }
    }

    /// <summary>The sequence number to resume <paramref name="rideId"/> after: the query's <c>last_event_id</c> when it names that ride.</summary>
    protected long? ResumeSeq(string rideId)
    {
        if (Session.Query.TryGetValue("last_event_id", out var value) && !string.IsNullOrEmpty(value))
        {
            var (eventRide, seq) = RideEventIds.Parse(value.ToString());
            return eventRide == rideId ? seq : null;
        }

        return null;
    }

    private async Task JoinFromNoticeAsync(string rideId, long afterSeq)
    {
        try
        {
            await JoinBookingAsync(rideId, afterSeq).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            LogJoinFailed(logger, exception, rideId, Session.ConnectionId);
        }
    }

    private static JsonSerializerOptions CreateJson()
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        EdgeJson.Configure(json);
        return json;
    }

    [LoggerMessage(EventId = 521, Level = LogLevel.Warning, Message = "Seed 002 socket {ConnectionId} could not join booking {RideId}")]
    private static partial void LogJoinFailed(ILogger logger, Exception exception, string rideId, string connectionId);
}
