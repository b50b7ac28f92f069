using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Rides.Edge.Tests.Client;

namespace Rides.Edge.Tests.Dialects;

/// <summary>Seed 003's socket: refusals answered <c>{success: false, error}</c> with the socket open, tokens refused or expiring.</summary>
public sealed class Seed003ProtocolTests(EdgeServerFixture fixture) : IClassFixture<EdgeServerFixture>
{
    private EdgeTestServer Server => fixture.Server;

    [Fact]
    public async Task Foreign_conversations_staff_rooms_for_field_staff_and_unknown_room_types_are_refused()
    {
        await using var owner = await Server.Seed003Async(EdgeTestServer.Token(TestIds.New("driver"), "driver"));
        var conversationId = (await owner.AnswerAsync("create_support_conversation", new JsonObject { ["title"] = "Flat tyre", ["content"] = "At stop 12." })).Str("conversation_id")!;
        await using var stranger = await Server.Seed003Async(EdgeTestServer.Token(TestIds.New("driver"), "driver"));

        foreach (var (type, data) in new (string, JsonObject)[]
        {
            ("join_conversation", new JsonObject { ["conversation_id"] = conversationId }),
            ("send_chat_message", new JsonObject { ["conversation_id"] = conversationId, ["content"] = "Let me in" }),
            ("get_conversation_messages", new JsonObject { ["conversation_id"] = conversationId }),
            ("typing_indicator", new JsonObject { ["conversation_id"] = conversationId, ["is_typing"] = true }),
            ("mark_message_read", new JsonObject { ["conversation_id"] = conversationId, ["message_id"] = "1" }),
        })
        {
            var refused = await stranger.AnswerAsync(type, data);
            Assert.False(refused.At("success").GetBoolean());
            Assert.Equal("NOT_A_PARTICIPANT", refused.Str("code"));
            Assert.False(string.IsNullOrEmpty(refused.Str("error")));
            Assert.Equal(type, refused.Str("request_type"));
        }

        var staffRoom = await owner.AnswerAsync("join_support_room", new JsonObject { ["room_type"] = "general_support" });
        Assert.Equal("FORBIDDEN", staffRoom.Str("code"));
        await using var staff = await Server.Seed003Async(EdgeTestServer.Token(TestIds.New("staff"), "staff"));
        var badRoom = await staff.AnswerAsync("join_support_room", new JsonObject { ["room_type"] = "vip_support" });
        Assert.Equal("VALIDATION_FAILED", badRoom.Str("code"));
        Assert.Contains("room_type", badRoom.Str("detail"), StringComparison.Ordinal);
        var staffCreates = await staff.AnswerAsync("create_support_conversation", new JsonObject { ["title"] = "Hi", ["content"] = "Staff cannot open one" });
        Assert.Equal("FORBIDDEN", staffCreates.Str("code"));
        var missing = await staff.AnswerAsync("join_conversation", new JsonObject { ["conversation_id"] = "conv_does_not_exist" });
        Assert.Equal("CONVERSATION_NOT_FOUND", missing.Str("code"));

        // Nothing of the conversation reached the stranger.
        await owner.AnswerAsync("send_chat_message", new JsonObject { ["conversation_id"] = conversationId, ["content"] = "Anyone?" });
        await owner.WaitForAsync("new_message");
        Assert.Empty(stranger.Of("new_message"));
    }

    [Fact]
    public async Task Bad_frames_are_answered_success_false_and_the_socket_stays_open()
    {
        await using var socket = await Server.Seed003Async(EdgeTestServer.Token(TestIds.New("driver"), "driver"));

        await socket.SendTextAsync("this is not json");
        var notJson = await socket.WaitForAsync(string.Empty, e => e.Has("success"));
        Assert.Equal("""{"success":false,"error":"The frame is not JSON.","code":"VALIDATION_FAILED","detail":"frames are JSON objects with a type"}""", notJson.GetRawText());

        var noType = await socket.RequestAsync(new JsonObject { ["data"] = new JsonObject() }, string.Empty, e => e.Has("success"));
        Assert.Equal("VALIDATION_FAILED", noType.Str("code"));

        var unknown = await socket.AnswerAsync("delete_everything", new JsonObject());
        Assert.False(unknown.At("success").GetBoolean());
        Assert.Equal("UNKNOWN_MESSAGE_TYPE", unknown.Str("code"));
        Assert.Contains("send_chat_message", unknown.Str("detail"), StringComparison.Ordinal);

        var noConversation = await socket.AnswerAsync("send_chat_message", new JsonObject { ["content"] = "Hello" });
        Assert.Equal("VALIDATION_FAILED", noConversation.Str("code"));
        Assert.Equal("conversation_id is required", noConversation.Str("detail"));
        var badLimit = await socket.AnswerAsync("get_conversation_messages", new JsonObject { ["conversation_id"] = "conv_1", ["limit"] = 0 });
        Assert.Equal("VALIDATION_FAILED", badLimit.Str("code"));
        var noFlag = await socket.AnswerAsync("typing_indicator", new JsonObject { ["conversation_id"] = "conv_1" });
        Assert.Equal("VALIDATION_FAILED", noFlag.Str("code"));

        await socket.SendRawAsync([1, 2, 3], WebSocketMessageType.Binary);
        await socket.WaitForAsync(string.Empty, e => e.Is("error", "Frames must be JSON text."));

        Assert.True(socket.IsOpen);
        var ok = await socket.AnswerAsync("get_active_conversations", new JsonObject());
        Assert.True(ok.At("success").GetBoolean());
        Assert.Equal(0, ok.At("count").GetInt32());
        Assert.DoesNotContain(socket.Frames.All, f => f.Payload.GetRawText().Contains("Exception", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_missing_bad_or_expired_token_is_refused_with_401_before_the_upgrade_in_seed_003s_shape()
    {
        var forged = TestTokens.For(TestIds.New("staff"), "staff", signingKey: "another-key-that-is-long-enough-for-hs256-0123456789");
        foreach (var token in new string?[] { null, "not-a-jwt", forged, TestTokens.Expired(TestIds.New("staff"), "staff") })
        {
            Assert.Equal(401, (await Assert.ThrowsAsync<HubConnectRefusedException>(() => Server.Seed003Async(token))).StatusCode);
            var answer = await Server.UpgradeAsync("/api/websocket/connect" + (token is null ? string.Empty : "?token=" + Uri.EscapeDataString(token)), null);
            Assert.Equal(401, answer.Status);
            Assert.False(answer.Json.At("success").GetBoolean());
            Assert.Equal("UNAUTHENTICATED", answer.Json.Str("code"));
            Assert.Equal("A valid access token is required.", answer.Json.Str("error"));
        }
    }

    [Fact]
    public async Task The_socket_is_closed_with_1008_when_its_token_expires()
    {
        var token = TestTokens.For(TestIds.New("driver"), "driver", lifetime: TimeSpan.FromSeconds(3));
        await using var socket = await Server.Seed003Async(token);
        Assert.True((await socket.AnswerAsync("get_active_conversations", new JsonObject())).At("success").GetBoolean());
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, await socket.Closed.WaitAsync(TimeSpan.FromSeconds(15)));
        Assert.Equal("The access token expired.", socket.CloseDescription);
    }
}
