using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rides.Edge.Authorization;
using Rides.Edge.Tests.Client;
using Rides.Edge.Tests.Dialects;
using Rides.Grains.Authorization;
using Rides.Grains.Events;
using Xunit.Abstractions;

namespace Rides.Edge.Tests.Security.Matrix;

/// <summary>
/// The authorization matrix, cell by cell over a real server: every role (anonymous, rider, driver, staff, admin, operator,
/// regulator) × every hub method, REST endpoint and dialect frame of <see cref="ProtocolActions"/> × the caller's own, a
/// foreign and a missing resource. Each cell calls for real and asserts the answer is what the permissions table decides
/// for the relation this test set up — allowed (any answer but a refusal) or exactly the refusal's code — reading the
/// table as docs/protocol.md states it (<see cref="DocumentedPolicy"/>), so a wrong cell in <see cref="AccessPolicy"/>
/// fails here as well as in the document's own test.
/// </summary>
public sealed class AuthorizationMatrixTests(AuthorizationMatrixFixture world, ITestOutputHelper output) : IClassFixture<AuthorizationMatrixFixture>
{
    private EdgeTestServer Server => world.Server;

    /// <summary>Every cell: surface, call, action (or "-"), role, target.</summary>
    public static TheoryData<string, string, string, string, MatrixTarget> Cells()
    {
        var data = new TheoryData<string, string, string, string, MatrixTarget>();
        foreach (var entry in ProtocolActions.All)
        {
            foreach (var role in MatrixRoles.All)
            {
                if (role == MatrixRoles.Anonymous || entry.Actions.Count == 0)
                {
                    data.Add(entry.Surface, entry.Name, entry.Actions.Count == 0 ? "-" : entry.Actions[0].ToString(), role, MatrixTarget.None);
                    continue;
                }

                foreach (var action in entry.Actions)
                {
                    var kind = AccessPolicy.ResourceOf(action);
                    if (entry.Fixed is not null || kind == ResourceKind.Platform)
                    {
                        data.Add(entry.Surface, entry.Name, action.ToString(), role, MatrixTarget.None);
                        continue;
                    }

                    if (MatrixExpectation.HasOwn(kind, MatrixRoles.Parse(role)))
                    {
                        data.Add(entry.Surface, entry.Name, action.ToString(), role, MatrixTarget.Own);
                    }

                    data.Add(entry.Surface, entry.Name, action.ToString(), role, MatrixTarget.Foreign);
                    data.Add(entry.Surface, entry.Name, action.ToString(), role, MatrixTarget.Missing);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Every_cell_answers_what_the_policy_decides(string surface, string name, string action, string role, MatrixTarget target)
    {
        var entry = ProtocolActions.Find(surface, name);
        PlatformAction? platformAction = action == "-" ? null : Enum.Parse<PlatformAction>(action);
        var expected = MatrixExpectation.For(entry, platformAction, role, target);
        var id = platformAction is { } a ? await TargetAsync(a, role, target) : "none";

        var answer = role == MatrixRoles.Anonymous ? await AnonymousAsync(surface, name, id) : await CallAsync(surface, name, platformAction, role, id);
        output.WriteLine($"{surface} {name} as {role} on {target} ({id}): expected {expected}, answered {answer}");
        Assert.True(expected.IsMetBy(answer), $"{surface} {name} as {role} on its {target.ToString().ToLowerInvariant()} resource: the policy says {expected}, the server answered {answer}");
        if (surface == "rest" && !expected.Allowed)
        {
            Assert.Equal(expected.Code switch { "UNAUTHENTICATED" => 401, "RIDE_NOT_FOUND" or "CONVERSATION_NOT_FOUND" => 404, _ => 403 }, answer.Status);
        }

        if (surface == "hub" && name == "join_ride_room" && expected.Allowed)
        {
            await AssertLocationFollowsPolicyAsync(role, target, id);
        }
    }

    [Fact]
    public void The_matrix_covers_every_hub_method_and_every_dialect_frame_type()
    {
        var hubMethods = typeof(Rides.Edge.Protocol.HubMethodNames).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);
        Assert.Equal(hubMethods.Order(), ProtocolActions.All.Where(e => e.Surface == "hub").Select(e => e.Name).Order());
        Assert.Equal(
            Rides.Edge.Dialects.Seed003.Seed003Translator.ClientTypes.Order(),
            ProtocolActions.All.Where(e => e.Surface == "seed003").Select(e => e.Name).Order());
        Assert.Equal(
            new[] { EdgePaths.Seed002Bookings, EdgePaths.Seed002DriverBookings, EdgePaths.Seed002AvailableBookings }.Order(),
            ProtocolActions.All.Where(e => e.Surface == "seed002").Select(e => e.Name).Order());
    }

    private async Task<string> TargetAsync(PlatformAction action, string role, MatrixTarget target)
    {
        var kind = AccessPolicy.ResourceOf(action);
        return (kind, target) switch
        {
            (_, MatrixTarget.None) => "none",
            (ResourceKind.Ride, MatrixTarget.Own) => world.OwnRideId,
            (ResourceKind.Ride, MatrixTarget.Foreign) => world.ForeignRideId,
            (ResourceKind.Ride, _) => TestIds.New("ride_missing"),
            (ResourceKind.SupportConversation, _) => await world.ConversationAsync(role, target),
            (ResourceKind.User, MatrixTarget.Own) => world.User(role).Id,
            (ResourceKind.User, MatrixTarget.Foreign) => world.Other.Id,
            (ResourceKind.User, _) => TestIds.New("user_missing"),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, $"no {target} resource for {kind}"),
        };
    }

    private Task<MatrixAnswer> CallAsync(string surface, string name, PlatformAction? action, string role, string id) => surface switch
    {
        "hub" => HubAsync(name, action, role, id),
        "rest" => RestAsync(name, role, id),
        "seed001" => PingFencedAsync(world.Seed001(role), Seed001Frame(name, id), "data.code"),
        "seed002" => Seed002Async(name, role),
        "seed003" => Seed003Async(name, role, id),
        "seed004" => PingFencedAsync(world.Seed004(role), Seed004Frame(name, action, id), "code"),
        _ => throw new ArgumentOutOfRangeException(nameof(surface), surface, null),
    };

    private async Task<MatrixAnswer> HubAsync(string method, PlatformAction? action, string role, string id)
    {
        var onConversation = action is { } a && AccessPolicy.ResourceOf(a) == ResourceKind.SupportConversation;
        var room = onConversation ? "conversation_id" : "ride_id";
        JsonObject payload = method switch
        {
            "authenticate" => new() { ["token"] = world.User(role).Token },
            "update_location" => world.RequestArea.Location(5_000),
            "request_ride" => world.RequestArea.RideRequest(),
            "rate_driver" or "rate_rider" => new() { ["ride_id"] = id, ["rating"] = 5 },
            "get_missed_events" => new() { ["ride_id"] = id, ["after_seq"] = 0 },
            "send_chat_message" => onConversation ? new() { ["conversation_id"] = id, ["content"] = "hi" } : new() { ["ride_id"] = id, ["message"] = "hi" },
            "typing_indicator" => new() { [room] = id, ["is_typing"] = true },
            "mark_message_read" => new() { [room] = id, ["message_id"] = 1 },
            "create_support_conversation" => new() { ["title"] = "Matrix", ["content"] = "Hello" },
            "join_support_room" => new() { ["room_type"] = "general_support" },
            "join_conversation" or "leave_conversation" or "get_conversation_messages" or "close_conversation" => new() { ["conversation_id"] = id },
            "ping" or "go_online" or "go_offline" or "get_active_conversations" => [],
            _ => new() { ["ride_id"] = id },
        };
        var answer = await world.User(role).Hub.InvokeAsync(method, payload).DefaultTimeout();
        return answer.Str("status") == "success" ? new(true, null) : new(false, answer.Str("code"), Text: answer.GetRawText());
    }

    private async Task<MatrixAnswer> RestAsync(string route, string? role, string id)
    {
        var space = route.IndexOf(' ', StringComparison.Ordinal);
        var method = new HttpMethod(route[..space]);
        var path = route[(space + 1)..].Replace("{id}", id, StringComparison.Ordinal).Replace("{ride_id}", id, StringComparison.Ordinal);
        JsonNode? body = route switch
        {
            "POST /api/v1/riders/rides" => world.RequestArea.RideRequest(),
            "POST /api/v1/riders/rate/driver" => new JsonObject { ["ride_id"] = id, ["rating"] = 5 },
            "POST /api/v1/riders/payment" => new JsonObject { ["ride_id"] = id, ["amount"] = 0.01, ["idempotency_key"] = "matrix" },
            "POST /api/v1/drivers/location" => world.RequestArea.Location(5_000),
            "PUT /api/v1/drivers/me" => new JsonObject { ["name"] = "Matrix Driver" },
            "PUT /api/v1/riders/me" => new JsonObject { ["name"] = "Matrix Rider" },
            _ when method == HttpMethod.Post => new JsonObject(),
            _ => null,
        };
        var answer = await Server.SendAsync(method, path, role is null ? null : world.User(role).Token, body);
        var code = answer.Json.ValueKind == JsonValueKind.Object && answer.Json.TryGetProperty("code", out var c) ? c.GetString() : null;
        return new(answer.Status is >= 200 and < 300, code, answer.Status, answer.Status is >= 200 and < 300 ? null : answer.Text);
    }

    private static JsonObject Seed001Frame(string type, string id) => type switch
    {
        "update_location" => new() { ["type"] = type, ["latitude"] = 10.0, ["longitude"] = 10.0 },
        "ping" or "driver_online" or "driver_offline" => new() { ["type"] = type },
        _ => new() { ["type"] = type, ["ride_id"] = id },
    };

    private static JsonObject Seed004Frame(string name, PlatformAction? action, string id)
    {
        var room = action is { } a && AccessPolicy.ResourceOf(a) == ResourceKind.SupportConversation ? $"support:{id}" : $"booking:{id}";
        return name switch
        {
            "join booking:ID" => new() { ["type"] = "join", ["room"] = $"booking:{id}" },
            "join user:ID" => new() { ["type"] = "join", ["room"] = $"user:{id}" },
            "join support:ID" => new() { ["type"] = "join", ["room"] = $"support:{id}" },
            "leave" => new() { ["type"] = "leave", ["room"] = "booking:ride_matrix" },
            "typing" => new() { ["type"] = "typing", ["room"] = room, ["data"] = new JsonObject { ["isTyping"] = true } },
            "message" => new() { ["type"] = "message", ["room"] = room, ["data"] = new JsonObject { ["message"] = "hi" } },
            _ => new() { ["type"] = name },
        };
    }

    /// <summary>Sends a frame, then a ping: frames are answered in order, so an error before the pong is the frame's answer.</summary>
    private static async Task<MatrixAnswer> PingFencedAsync(SocketTestClient socket, JsonObject frame, string codePath)
    {
        var before = socket.Frames.Count;
        await socket.SendAsync(frame);
        if (frame["type"]!.GetValue<string>() != "ping")
        {
            await socket.SendAsync(new JsonObject { ["type"] = "ping" });
        }

        await socket.Frames.WaitForAsync("pong", skip: before);
        var error = socket.Frames.All.Skip(before).TakeWhile(e => e.Target != "pong").FirstOrDefault(e => e.Target == "error");
        return error is null ? new(true, null) : new(false, error.Payload.Str(codePath), Text: error.Payload.GetRawText());
    }

    private async Task<MatrixAnswer> Seed002Async(string path, string role)
    {
        var token = world.User(role).Token;
        try
        {
            await using var socket = await Server.Seed002Async(path, token);
            await socket.ReadyAsync();
            return new(true, null);
        }
        catch (HubConnectRefusedException refused)
        {
            var answer = await Server.UpgradeAsync(path, token);
            Assert.Equal(refused.StatusCode, answer.Status);
            return new(false, answer.Json.Str("code"), answer.Status);
        }
    }

    private async Task<MatrixAnswer> Seed003Async(string type, string role, string id)
    {
        JsonObject data = type switch
        {
            "create_support_conversation" => new() { ["title"] = "Matrix", ["content"] = "Hello" },
            "get_active_conversations" => [],
            "join_support_room" => new() { ["room_type"] = "general_support" },
            "send_chat_message" => new() { ["conversation_id"] = id, ["content"] = "hi" },
            "typing_indicator" => new() { ["conversation_id"] = id, ["is_typing"] = true },
            "mark_message_read" => new() { ["conversation_id"] = id, ["message_id"] = "1" },
            _ => new() { ["conversation_id"] = id },
        };
        var answer = await world.Seed003(role).AnswerAsync(type, data);
        return answer.At("success").GetBoolean() ? new(true, null) : new(false, answer.Str("code"), Text: answer.GetRawText());
    }

    private async Task<MatrixAnswer> AnonymousAsync(string surface, string name, string id)
    {
        switch (surface)
        {
            case "hub":
                var hub = await Assert.ThrowsAsync<HubConnectRefusedException>(() => HubTestClient.ConnectAsync(Server.BaseAddress, null).DefaultTimeout());
                return new(false, hub.StatusCode == 401 ? "UNAUTHENTICATED" : null, hub.StatusCode);
            case "rest":
                return await RestAsync(name, null, id == "none" ? "ride_anonymous" : id);
            case "seed004":
                await using (var socket = await Server.Seed004Async(null))
                {
                    var closed = await socket.Closed.WaitAsync(TestTimeouts.Event);
                    return new(false, closed == WebSocketCloseStatus.PolicyViolation ? "UNAUTHENTICATED" : closed?.ToString(), Text: "closed " + closed);
                }

            default:
                var path = surface switch
                {
                    "seed001" => "/api/v1/ws/connect",
                    "seed003" => "/api/websocket/connect",
                    _ => name,
                };
                await Assert.ThrowsAsync<HubConnectRefusedException>(() => SocketTestClient.ConnectAsync(Server.BaseAddress, path));
                var answer = await Server.UpgradeAsync(path, null);
                return new(false, answer.Json.Str("code"), answer.Status);
        }
    }

    // The world's rides are completed: an allowed join answers their state and subscribes none of their streams
    // (no event follows a final status). Which roles follow the driver on a live ride: LocationFollowingTests.
    private async Task AssertLocationFollowsPolicyAsync(string role, MatrixTarget target, string rideId)
    {
        var user = world.User(role);
        Assert.True(target is MatrixTarget.Own or MatrixTarget.Foreign, $"an allowed join of a {target} ride");
        Assert.DoesNotContain(Server.Subscriptions.TopicsOf(user.Hub.ConnectionId), t => t.Key == rideId);
        if (role != "rider")
        {
            Envelope.Success(await user.Hub.InvokeAsync("leave_ride_room", new JsonObject { ["ride_id"] = rideId }).DefaultTimeout());
        }
    }
}
