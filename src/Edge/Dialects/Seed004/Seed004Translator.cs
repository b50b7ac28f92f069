using System.Text.Json;
using System.Text.Json.Serialization;
using Rides.Edge.Operations;
using Rides.Edge.Protocol;
using Rides.Edge.Sockets;
using Rides.Edge.Subscriptions;
using Rides.Grains;
using Rides.Grains.Authorization;
using Rides.Grains.Chat;
using Rides.Grains.Errors;
using Rides.Grains.Rides;

namespace Rides.Edge.Dialects.Seed004;

/// <summary>
/// Seed 004's WebSocket at <c>/ws?token=…</c>: <c>connected</c> with <c>userId</c>; <c>join</c>/<c>leave</c> of the
/// rooms <c>booking:ID</c>, <c>user:ID</c>, <c>support:ID</c> answered <c>joined_room</c>/<c>left_room</c>;
/// <c>typing</c> (and <c>message</c>, <c>ping</c>); events <c>status_update</c>, <c>location_update</c>,
/// <c>message</c>, <c>typing</c>. camelCase frames. A missing or invalid token closes the socket with 1008.
/// Room authorization is the platform's: a booking room is the ride's (its rider, its assigned driver and
/// back office, as the ride grain decides); a support room is the conversation's (its creator and support
/// staff, as the conversation grain decides); a user room is that user's, or any for an admin.
/// </summary>
public sealed partial class Seed004Translator(
    SocketSession session,
    SupportOperations support,
    ConnectionStreams streams,
    IClusterClient cluster) : SocketTranslator(session)
{
    /// <summary>The path seed 004's apps connect to.</summary>
    public const string Path = "/ws";

    /// <summary>The client frame types this dialect reads.</summary>
    public static IReadOnlyList<string> ClientTypes { get; } = ["join", "leave", "typing", "message", "ping"];

    /// <summary>The dialect's settings: camelCase frames, a bad token closes the socket with 1008.</summary>
    public static SocketDialectOptions Dialect { get; } = new()
    {
        Name = "seed004",
        Json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull },
        Unauthenticated = SocketUnauthenticated.CloseWithPolicyViolation,
    };

    private DateTimeOffset Now => Session.Time.GetUtcNow();

    /// <inheritdoc />
    public override async Task OnOpenedAsync()
    {
        Session.Send(new ConnectedFrame("connected", Session.Caller.UserId, Now));
        if (Session.Query.TryGetValue("last_event_id", out var lastEventId) && !string.IsNullOrEmpty(lastEventId))
        {
            var (rideId, seq) = RideEventIds.Parse(lastEventId.ToString());
            await JoinBookingAsync(new Seed004Room(Seed004Room.Booking, rideId), seq).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public override Task OnFrameAsync(SocketFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return frame.Type switch
        {
            "join" => JoinAsync(frame),
            "leave" => LeaveAsync(frame),
            "typing" => TypingAsync(frame),
            "message" => MessageAsync(frame),
            "ping" => PingAsync(),
            _ => throw frame.UnknownType(ClientTypes),
        };
    }

    /// <inheritdoc />
    public override object ErrorFrame(SocketError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new Seed004ErrorFrame("error", error.Code, error.Message, Now)
        {
            Detail = error.Detail,
            Room = error.Frame?.OptionalString("room"),
            RequestType = error.Frame?.Type,
        };
    }

    private static Seed004Room RoomOf(SocketFrame frame) =>
        Seed004Room.Parse(frame.OptionalText("room") ?? throw new RidesException(ErrorCodes.ValidationFailed, "The request is not valid.", "room is required"));

    private Task JoinAsync(SocketFrame frame)
    {
        var room = RoomOf(frame);
        switch (room.Kind)
        {
            case Seed004Room.Booking:
                var lastEventId = frame.OptionalText("lastEventId") ?? frame.OptionalText("last_event_id");
                long? afterSeq = null;
                if (!string.IsNullOrEmpty(lastEventId))
                {
                    var (rideId, seq) = RideEventIds.Parse(lastEventId, "lastEventId");
                    if (rideId != room.Id)
                    {
                        throw new RidesException(ErrorCodes.ValidationFailed, "The request is not valid.", "lastEventId must be an event of the booking joined");
                    }

                    afterSeq = seq;
                }

                return JoinBookingAsync(room, afterSeq);
            case Seed004Room.Support:
                return JoinSupportAsync(room);
            default:
                return JoinUserAsync(room);
        }
    }

    private async Task JoinBookingAsync(Seed004Room room, long? afterSeq)
    {
        var view = await Session.JoinRideAsync(room.Id, afterSeq).ConfigureAwait(false);
        Session.Send(new RoomFrame("joined_room", room.Name, Now)
        {
            Status = Seed004Statuses.Of(view.Status),
            LastEventId = Protocol.Models.EventIds.For(Grains.Events.Topics.RideStatus(view.RideId), view.LastSeq),
        });
    }

    private async Task JoinSupportAsync(Seed004Room room)
    {
        await support.JoinAsync(Session.ConnectionId, Session.Caller, room.Id).ConfigureAwait(false);
        Session.Send(new RoomFrame("joined_room", room.Name, Now));
    }

    private async Task JoinUserAsync(Seed004Room room)
    {
        var caller = Session.Caller;
        var relation = AccessPolicy.RelationToUser(caller, room.Id);
        AccessPolicy.Demand(PlatformAction.JoinUserRoom, caller.Role, relation, $"{room.Name} is another user's room");
        if (relation == Relation.Own)
        {
            await streams.JoinUserAsync(Session.ConnectionId, caller.UserId).ConfigureAwait(false);
        }

        // An admin is let in, but the only per-user topic carries the rider's trip PIN, which goes to the rider alone.
        Session.Send(new RoomFrame("joined_room", room.Name, Now));
    }

    private async Task LeaveAsync(SocketFrame frame)
    {
        var room = RoomOf(frame);
        var leaving = room.Kind switch
        {
            Seed004Room.Booking => Session.LeaveRideAsync(room.Id),
            Seed004Room.Support => support.LeaveAsync(Session.ConnectionId, room.Id),
            _ => room.Id == Session.Caller.UserId ? streams.LeaveUserAsync(Session.ConnectionId, room.Id) : Task.CompletedTask,
        };
        await leaving.ConfigureAwait(false);
        Session.Send(new RoomFrame("left_room", room.Name, Now));
    }

    private Task TypingAsync(SocketFrame frame)
    {
        var room = ChatRoomOf(frame);
        var data = frame.Object("data");
        if (!data.TryGetProperty("isTyping", out var flag) || flag.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            throw new RidesException(ErrorCodes.ValidationFailed, "The request is not valid.", "data.isTyping is required (true or false)");
        }

        return room.Kind == Seed004Room.Support
            ? support.Conversation(room.Id).SetTyping(Session.Caller, flag.GetBoolean())
            : cluster.Get<IChatRoomGrain>(room.Id).SetTyping(Session.Caller, flag.GetBoolean());
    }

    private async Task MessageAsync(SocketFrame frame)
    {
        var room = ChatRoomOf(frame);
        var reader = new PayloadReader(frame.Object("data"), "data");
        var text = reader.Text("message", PayloadLimits.MaxChatMessageLength);
        if (!reader.IsValid)
        {
            throw new RidesException(ErrorCodes.ValidationFailed, "The request is not valid.", "data.message must be 1 to 1000 characters");
        }

        var sent = room.Kind == Seed004Room.Support
            ? await support.Conversation(room.Id).Send(Session.Caller, text).ConfigureAwait(false)
            : await cluster.Get<IChatRoomGrain>(room.Id).Send(Session.Caller, text).ConfigureAwait(false);
        Session.Send(new MessageSentFrame("message_sent", room.Name, sent.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), sent.SentAt));
    }

    private static Seed004Room ChatRoomOf(SocketFrame frame)
    {
        var room = RoomOf(frame);
        if (room.Kind == Seed004Room.User)
        {
            throw new RidesException(ErrorCodes.ValidationFailed, "The request is not valid.", "room must be a booking:ID or support:ID room here");
        }

        return room;
    }

    private Task PingAsync()
    {
        Session.Send(new PongFrame("pong", Now));
        return Task.CompletedTask;
    }
}
