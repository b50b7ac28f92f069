using System.Text.Json;
using Rides.Edge.Operations;
using Rides.Edge.Protocol.Payloads;
using Rides.Edge.Sockets;
using Rides.Grains;
using Rides.Grains.Authorization;
using Rides.Grains.Rides;

namespace Rides.Edge.Dialects.Seed001;

/// <summary>
/// Seed 001's WebSocket at <c>/api/v1/ws/connect?token=…</c>: <c>connected</c> first; client frames
/// <c>ping</c>, <c>join_ride</c>, <c>leave_ride</c>, <c>driver_online</c>, <c>driver_offline</c> (and
/// <c>update_location</c>, <c>driver_arrived</c> for the driver app's "send location updates" and "notify
/// when arrived"); events <c>ride_requested</c>, <c>ride_accepted</c>, <c>driver_location_update</c>,
/// <c>driver_arrived</c>, <c>ride_started</c>, <c>ride_completed</c>, <c>ride_cancelled</c>. Every frame is
/// <c>{type, data, timestamp}</c>; events add <c>event_id</c>.
/// </summary>
public sealed partial class Seed001Translator(SocketSession session, RideOperations rides, DriverOperations drivers) : SocketTranslator(session)
{
    /// <summary>The path seed 001's apps connect to.</summary>
    public const string Path = "/api/v1/ws/connect";

    /// <summary>The client frame types this dialect reads.</summary>
    public static IReadOnlyList<string> ClientTypes { get; } =
        ["ping", "join_ride", "leave_ride", "driver_online", "driver_offline", "update_location", "driver_arrived"];

    /// <summary>The dialect's settings: snake_case frames, 401 before the upgrade for a bad token.</summary>
    public static SocketDialectOptions Dialect { get; } = new()
    {
        Name = "seed001",
        Json = CreateJson(),
        Unauthenticated = SocketUnauthenticated.RefuseUpgrade,
    };

    /// <inheritdoc />
    public override async Task OnOpenedAsync()
    {
        var caller = Session.Caller;
        Session.Send(Frame("connected", new ConnectedData(caller.UserId, caller.Role == UserRole.Driver, UserRoleNames.ToWire(caller.Role))));
        if (Session.Query.TryGetValue("last_event_id", out var lastEventId) && !string.IsNullOrEmpty(lastEventId))
        {
            var (rideId, seq) = RideEventIds.Parse(lastEventId.ToString());
            await JoinAsync(rideId, seq).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public override Task OnFrameAsync(SocketFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return frame.Type switch
        {
            "ping" => PingAsync(frame),
            "join_ride" => JoinRideAsync(frame),
            "leave_ride" => LeaveRideAsync(frame),
            "driver_online" => DriverOnlineAsync(),
            "driver_offline" => DriverOfflineAsync(),
            "update_location" => UpdateLocationAsync(frame),
            "driver_arrived" => DriverArrivedAsync(frame),
            _ => throw frame.UnknownType(ClientTypes),
        };
    }

    /// <inheritdoc />
    public override object ErrorFrame(SocketError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Frame("error", new Seed001ErrorData(error.Code, error.Message, error.Detail, error.Frame?.Type));
    }

    private Task PingAsync(SocketFrame frame)
    {
        // The timestamp is read as the hub's ping reads it: a string of at most 64 characters, well-formed text.
        Session.Send(Frame("pong", new PongData(PingPayload.Read(frame.Root).Timestamp)));
        return Task.CompletedTask;
    }

    private Task JoinRideAsync(SocketFrame frame)
    {
        var rideId = RideIdPayload.Read(frame.Root).RideId;
        long? afterSeq = null;
        if (frame.OptionalText("last_event_id") is { Length: > 0 } lastEventId)
        {
            var (eventRide, seq) = RideEventIds.Parse(lastEventId);
            if (eventRide != rideId)
            {
                throw new Grains.Errors.RidesException(Grains.Errors.ErrorCodes.ValidationFailed, "The request is not valid.", "last_event_id must be an event of the ride joined");
            }

            afterSeq = seq;
        }

        return JoinAsync(rideId, afterSeq);
    }

    private async Task JoinAsync(string rideId, long? afterSeq)
    {
        // Replayed events are sent before ride_joined, which closes the replay.
        var view = await Session.JoinRideAsync(rideId, afterSeq).ConfigureAwait(false);
        Session.Send(Frame("ride_joined", new RideRefData
        {
            RideId = view.RideId,
            Status = view.Status.ToWire(),
            LastEventId = Protocol.Models.EventIds.For(Grains.Events.Topics.RideStatus(view.RideId), view.LastSeq),
        }));
    }

    private async Task LeaveRideAsync(SocketFrame frame)
    {
        var rideId = RideIdPayload.Read(frame.Root).RideId;
        await Session.LeaveRideAsync(rideId).ConfigureAwait(false);
        Session.Send(Frame("ride_left", new RideRefData { RideId = rideId }));
    }

    private async Task DriverOnlineAsync()
    {
        var driver = await drivers.GoOnlineAsync(Session.Caller, "driver_online").ConfigureAwait(false);
        Session.Send(Frame("driver_status", new DriverStatusData(driver.DriverId, driver.IsOnline)));
    }

    private async Task DriverOfflineAsync()
    {
        var driver = await drivers.GoOfflineAsync(Session.Caller, "driver_offline").ConfigureAwait(false);
        Session.Send(Frame("driver_status", new DriverStatusData(driver.DriverId, driver.IsOnline)));
    }

    private async Task UpdateLocationAsync(SocketFrame frame)
    {
        var location = LocationPayload.Read(frame.Root);
        await drivers.UpdateLocationAsync(Session.Caller, location.ToUpdate()).ConfigureAwait(false);
        Session.Send(Frame("location_updated", new MessageData("Location updated")));
    }

    private async Task DriverArrivedAsync(SocketFrame frame)
    {
        var rideId = RideIdPayload.Read(frame.Root).RideId;
        var caller = CallerRoles.Require(Session.Caller, PlatformAction.MarkArrived, "driver_arrived");
        await rides.Ride(rideId).MarkDriverArrived(caller).ConfigureAwait(false);

        // The driver_arrived event itself reaches the sockets in the ride's room, this one included once joined.
    }

    private Seed001Frame<T> Frame<T>(string type, T data) => new(type, data, Session.Time.GetUtcNow());

    private static JsonSerializerOptions CreateJson()
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Protocol.EdgeJson.Configure(json);
        return json;
    }
}
