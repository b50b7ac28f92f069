using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Rides.Edge.Tests.Client;
using Rides.Edge.Tests.Dialects;

namespace Rides.Edge.Tests.Fuzz;

/// <summary>
/// Property: every malformed frame of every frame type of the four dialects (seeds 001–004), from any role the
/// dialect serves, is answered by exactly one error frame of the dialect with a documented code (never INTERNAL_ERROR),
/// changes no ride, driver or conversation, leaves the socket open and answering (the next frame is answered), and
/// leaves the bystanders' connections and events alone.
/// </summary>
[Collection(FuzzCollection.Name)]
public sealed class DialectFuzzTests(FuzzWorld world) : IAsyncLifetime
{
    private readonly Dictionary<string, SocketTestClient> _sockets = new(StringComparer.Ordinal);
    private int _marker;

    /// <summary>Every dialect frame type, as <c>dialect/type</c>.</summary>
    public static TheoryData<string> Targets => new(
        "seed001/ping", "seed001/join_ride", "seed001/leave_ride", "seed001/driver_online", "seed001/driver_offline", "seed001/update_location", "seed001/driver_arrived",
        "seed002/bookings", "seed002/driver_bookings", "seed002/available_bookings",
        "seed003/send_chat_message", "seed003/create_support_conversation", "seed003/get_active_conversations", "seed003/join_conversation",
        "seed003/join_support_room", "seed003/typing_indicator", "seed003/get_conversation_messages", "seed003/mark_message_read",
        "seed004/join", "seed004/leave", "seed004/typing", "seed004/message", "seed004/ping");

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task Malformed_frames_are_refused_cleanly_and_change_nothing(string target)
    {
        var dialect = target.Split('/')[0];
        var type = target.Split('/')[1];
        var (roles, fields, inData) = Shape(dialect, type);
        var cases = Gen.OneOf([.. roles]).SelectMany(role =>
        {
            var foreign = role is "rider" or "driver";
            var shape = new FuzzShape(target, fields, roles);
            Gen<(string Frame, bool Binary, string What)> frame = dialect == "seed002"
                ? Gen.OneOf(
                    Gen.OneOf("{\"type\":\"ping\"}", "{}", "{\"booking_id\":\"x\"}", "[]", "\"x\"", "{\"type\":\"\\ud800\"}").Select(f => (f, false, "any frame")),
                    Defects.Payload(FuzzShapesForSeed002(), foreign).Select(p => (p.Payload, false, p.What)))
                : Gen.Frequency([.. FrameDefects(type, shape, inData, foreign)]);
            return frame.Select(f => (Role: role, f.Frame, f.Binary, f.What));
        });

        await world.RunAsync(target, cases, async c =>
        {
            var socket = await SocketAsync(dialect, type, c.Role);
            var skip = socket.Frames.Count;
            await socket.SendRawAsync(Encoding.UTF8.GetBytes(c.Frame), c.Binary ? WebSocketMessageType.Binary : WebSocketMessageType.Text);
            var markerIndex = await MarkAsync(dialect, socket, skip);
            var answers = socket.Frames.All.Skip(skip).Take(markerIndex - skip).Select(e => e.Payload).ToList();
            Assert.True(answers.Count == 1, $"expected one error frame, got {answers.Count}: {string.Join(" | ", answers.Select(a => a.GetRawText()))}");
            var (code, message) = ErrorOf(dialect, answers[0]);
            Assert.True(DocumentedCodes.IsCleanRefusal(code), $"code {code} is not a documented refusal: {answers[0].GetRawText()}");
            Assert.False(string.IsNullOrWhiteSpace(message), "an error frame without a message: " + answers[0].GetRawText());
            Envelope.AssertNoInternals(answers[0]);
            Assert.True(socket.IsOpen, "the socket closed");
        }, c => $"{c.Role} sends {(c.Binary ? "binary " : string.Empty)}{RawJson.Short(c.Frame)} ({c.What})");
    }

    /// <inheritdoc />
    public Task InitializeAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        foreach (var socket in _sockets.Values)
        {
            await socket.DisposeAsync();
        }
    }

    private static IEnumerable<(int, Gen<(string Frame, bool Binary, string What)>)> FrameDefects(string type, FuzzShape shape, bool inData, bool foreign)
    {
        // A data object that is not one reads as {} (seed 003): a defect only where a field is required.
        var nonObject = !inData || shape.Fields.Any(f => f.Required);
        if (shape.Fields.Count > 0 || nonObject)
        {
            yield return (6, Defects.Payload(shape, foreign, allowNonObject: nonObject).Select(p =>
                (inData ? "{\"type\":" + RawJson.Str(type) + ",\"data\":" + p.Payload + "}" : Merge(type, p.Payload), false, p.What)));
        }

        yield return (2, TypeDefects(type).Select(t => (Replace(Valid(type, shape, inData), t.Value), false, "type: " + t.What)));
        yield return (1, Gen.OneOf("{", "nul", "\"str\"", "[]", "1", "{\"type\":\"ping\"", " ").Select(f => (f, false, "not a JSON object")));
        yield return (1, Gen.Const((Valid(type, shape, inData), true, "a binary frame")));
    }

    private static string Merge(string type, string payload)
    {
        // Seed 001 and 004 put the fields beside the type; a payload that is not an object becomes the frame itself.
        var trimmed = payload.TrimStart();
        if (!trimmed.StartsWith('{'))
        {
            return payload;
        }

        var inner = trimmed[1..].TrimStart();
        return "{\"type\":" + RawJson.Str(type) + (inner.StartsWith('}') ? "}" : "," + inner);
    }

    private static string Valid(string type, FuzzShape shape, bool inData) =>
        inData ? "{\"type\":" + RawJson.Str(type) + ",\"data\":" + shape.Valid() + "}" : Merge(type, shape.Valid().ToString());

    private static string Replace(string frame, string typeValue) =>
        typeValue == "<missing>" ? "{" + frame[(frame.IndexOf(',', StringComparison.Ordinal) is var i and > 0 ? i + 1 : frame.Length - 1)..] : "{\"type\":" + typeValue + frame[(frame.IndexOf(',', StringComparison.Ordinal) is var j and > 0 ? j : frame.Length - 1)..];

    private static Gen<(string Value, string What)> TypeDefects(string type) => Gen.OneOf(
        Gen.OneOf(RawJson.Str(type.ToUpperInvariant()), RawJson.Str(type + " "), RawJson.Str(" " + type), RawJson.Str(type + "_x")).Select(v => (v, "unknown type")),
        Gen.OneOf("\"" + type + "\\u0000\"", "\"" + type + "\\ud800\"", "\"\\udc00\"").Select(v => (v, "type is not text")),
        Gen.OneOf("1", "null", "[]", "{}", "true", "\"\"", "\"  \"").Select(v => (v, "type is not a string")),
        Gen.Const(("<missing>", "no type")));

    private static FuzzShape FuzzShapesForSeed002() => new("seed002", [new("type", FieldKind.Text, true, RawJson.Str("ping"))], []);

    private (IReadOnlyList<string> Roles, IReadOnlyList<FuzzField> Fields, bool InData) Shape(string dialect, string type)
    {
        var ride = FuzzShapes.RideId(world);
        var conversation = FuzzShapes.ConversationId(world);
        string[] riderDriver = ["rider", "driver"], seed003Roles = ["rider", "driver", "staff"], seed004Roles = ["rider", "staff"];
        return (dialect, type) switch
        {
            ("seed001", "ping") => (riderDriver, [new("timestamp", FieldKind.Text, false, RawJson.Str("2026-01-01T00:00:00Z"), MaxLength: 64)], false),
            ("seed001", "join_ride") => (riderDriver, [ride, new("last_event_id", FieldKind.EventId, false, RawJson.Str($"ride-status/{world.Ride.RideId}/1"))], false),
            ("seed001", "leave_ride") => (riderDriver, [FuzzShapes.RideId(world, foreign: false)], false),
            ("seed001", "driver_online" or "driver_offline") => (["rider"], [], false),
            ("seed001", "update_location") => (riderDriver, FuzzShapes.Location(world), false),
            ("seed001", "driver_arrived") => (riderDriver, [ride], false),
            ("seed002", _) => (type == "bookings" ? ["rider"] : ["driver"], [], false),
            ("seed003", "send_chat_message") => (seed003Roles, [conversation, new("content", FieldKind.Text, true, RawJson.Str("hello"), MaxLength: 1000)], true),
            ("seed003", "create_support_conversation") => (seed003Roles,
            [
                new("title", FieldKind.Text, true, RawJson.Str("Help"), MaxLength: 120),
                new("content", FieldKind.Text, true, RawJson.Str("Please help"), MaxLength: 1000),
                new("room_type", FieldKind.Enum, false, RawJson.Str("general_support"), MaxLength: 32, Unknown: FuzzShapes.UnknownRoomTypes),
            ], true),
            ("seed003", "get_active_conversations") => (seed003Roles, [], true),
            ("seed003", "join_conversation") => (seed003Roles, [conversation], true),
            ("seed003", "join_support_room") => (seed003Roles, [new("room_type", FieldKind.Enum, true, RawJson.Str("general_support"), MaxLength: 32, Unknown: FuzzShapes.UnknownRoomTypes)], true),
            ("seed003", "typing_indicator") => (seed003Roles, [conversation, new("is_typing", FieldKind.Boolean, true, "true")], true),
            ("seed003", "get_conversation_messages") => (seed003Roles, [conversation, new("limit", FieldKind.Integer, false, "10", Min: 1, Max: 100), new("skip", FieldKind.Integer, false, "0", Min: 0, Max: 100_000), new("before_id", FieldKind.Integer, false, "5", Min: 1, Max: long.MaxValue)], true),
            ("seed003", "mark_message_read") => (seed003Roles, [conversation, new("message_id", FieldKind.MessageId, true, RawJson.Str(world.MessageId))], true),
            ("seed004", "join") => (seed004Roles, [Room(), new("lastEventId", FieldKind.EventId, false, RawJson.Str($"ride-status/{world.Ride.RideId}/1"))], false),
            ("seed004", "leave") => (seed004Roles, [Room(foreign: false)], false),
            ("seed004", "typing") => (seed004Roles, [Room(), new("data", FieldKind.Place, true, "{\"isTyping\":true}", Unknown: ["{\"isTyping\":\"true\"}", "{\"isTyping\":1}", "{\"isTyping\":null}", "{\"is_typing\":true}"])], false),
            ("seed004", "message") => (seed004Roles, [Room(), new("data", FieldKind.Place, true, "{\"message\":\"hello\"}", Unknown: ["{\"message\":\"\"}", "{\"message\":\"\\ud800\"}", "{\"message\":\"a\\u0000\"}", "{\"message\":42}", "{\"message\":" + RawJson.Str(new string('m', 1001)) + "}", "{\"text\":\"hello\"}"])], false),
            ("seed004", "ping") => (seed004Roles, [], false),
            _ => throw new InvalidOperationException("No shape for " + dialect + "/" + type),
        };
    }

    private FuzzField Room(bool foreign = true) => new(
        "room",
        FieldKind.Room,
        true,
        RawJson.Str($"booking:{world.Ride.RideId}"),
        Foreign: foreign ? [$"booking:{world.Ride.RideId}", $"support:{world.ConversationId}", $"user:{world.Ride.Rider.Id}", "booking:ride_0123456789abcdef"] : null);

    private async Task<SocketTestClient> SocketAsync(string dialect, string type, string role)
    {
        var key = dialect == "seed002" ? $"{dialect}/{type}/{role}" : $"{dialect}/{role}";
        if (_sockets.TryGetValue(key, out var open))
        {
            return open;
        }

        var token = world.Attacker(role).Token;
        SocketTestClient socket;
        switch (dialect)
        {
            case "seed001":
                socket = await world.Server.Seed001Async(token);
                await socket.WaitForAsync("connected");
                break;
            case "seed002":
                socket = await world.Server.Seed002Async(type switch { "bookings" => "/ws/bookings/", "driver_bookings" => "/ws/driver/bookings/", _ => "/ws/driver/available_bookings/" }, token);
                await socket.ReadyAsync();
                break;
            case "seed003":
                socket = await world.Server.Seed003Async(token);
                await socket.AnswerAsync("get_active_conversations", []);
                break;
            default:
                socket = await world.Server.Seed004Async(token);
                await socket.WaitForAsync("connected");
                break;
        }

        _sockets[key] = socket;
        return socket;
    }

    // Sends a frame whose answer is known and waits for it: the frames before it answer the case. Returns its index.
    private async Task<int> MarkAsync(string dialect, SocketTestClient socket, int skip)
    {
        var marker = "marker-" + Interlocked.Increment(ref _marker);
        string target;
        Func<JsonElement, bool> isMarker;
        switch (dialect)
        {
            case "seed001":
                await socket.SendAsync(new JsonObject { ["type"] = "ping", ["timestamp"] = marker });
                (target, isMarker) = ("pong", e => e.Is("data.timestamp", marker));
                break;
            case "seed002":
                // Seed 002 answers every frame with the same error: the marker's is the one after the case's.
                await socket.SendAsync(new JsonObject { ["type"] = marker });
                (target, isMarker) = (string.Empty, _ => true);

                // A waiter hears every frame that arrives after it: wait for the case's answer first, then the next.
                await socket.Frames.WaitForAsync(target, isMarker, skip: skip);
                skip++;
                break;
            case "seed003":
                await socket.SendAsync(new JsonObject { ["type"] = "get_active_conversations", ["data"] = new JsonObject() });
                (target, isMarker) = (string.Empty, e => e.Has("conversations"));
                break;
            default:
                await socket.SendAsync(new JsonObject { ["type"] = "leave", ["room"] = "booking:" + marker });
                (target, isMarker) = ("left_room", e => e.Is("room", "booking:" + marker));
                break;
        }

        await socket.Frames.WaitForAsync(target, isMarker, skip: skip);
        var all = socket.Frames.All;
        for (var i = skip; i < all.Count; i++)
        {
            if (all[i].Target == target && isMarker(all[i].Payload))
            {
                return i;
            }
        }

        throw new InvalidOperationException("The marker's answer was not found.");
    }

    private static (string? Code, string? Message) ErrorOf(string dialect, JsonElement frame) => dialect switch
    {
        "seed001" => frame.Str("type") == "error" ? (frame.Str("data.code"), frame.Str("data.message")) : (null, null),
        "seed004" => frame.Str("type") == "error" ? (frame.Str("code"), frame.Str("message")) : (null, null),
        "seed002" => frame.Has("success") && !frame.At("success").GetBoolean() ? (frame.Str("code"), frame.Str("message")) : (null, null),
        _ => frame.Has("success") && !frame.At("success").GetBoolean() ? (frame.Str("code"), frame.Str("error")) : (null, null),
    };
}
