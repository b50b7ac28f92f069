using System.Text.Json;
using System.Text.Json.Nodes;
using Rides.Edge.Tests.Client;

namespace Rides.Edge.Tests.Dialects;

/// <summary>Seed 003's chat socket through a whole support conversation between a bus driver and control staff.</summary>
public sealed class Seed003FlowTests(EdgeServerFixture fixture) : IClassFixture<EdgeServerFixture>
{
    private EdgeTestServer Server => fixture.Server;

    [Fact]
    public async Task A_support_conversation_between_a_bus_driver_and_control_staff_runs_in_seed_003s_frames()
    {
        var driverId = TestIds.New("driver");
        var staffId = TestIds.New("staff");
        await using var driver = await Server.Seed003Async(EdgeTestServer.Token(driverId, "driver", "John Doe"));
        await using var staff = await Server.Seed003Async(EdgeTestServer.Token(staffId, "staff", "Jane Smith"));

        // Control staff monitor the general support room.
        var room = await staff.AnswerAsync("join_support_room", new JsonObject { ["room_type"] = "general_support" });
        Assert.True(room.At("success").GetBoolean());
        Assert.Equal("Joined general support room successfully", room.Str("message"));
        Assert.Equal("support:general_support", room.Str("room_id"));
        Assert.Equal("general_support", room.Str("room_type"));
        Assert.True(room.Has("timestamp"));

        // The bus driver opens a conversation; staff in the room are notified.
        var created = await driver.AnswerAsync("create_support_conversation", new JsonObject { ["title"] = "Route Change Request", ["content"] = "Road construction on my route." });
        Assert.True(created.At("success").GetBoolean());
        Assert.Equal("Support conversation created successfully", created.Str("message"));
        Assert.Equal("Support: Route Change Request", created.Str("title"));
        Assert.Equal([driverId], created.At("participants").EnumerateArray().Select(p => p.GetString()));
        var conversationId = created.Str("conversation_id")!;
        var notified = await staff.WaitForAsync("new_support_conversation");
        Assert.Equal(conversationId, notified.Str("conversation.id"));
        Assert.Equal("support:general_support", notified.Str("room_id"));
        Assert.Equal(driverId, notified.Str("conversation.created_by"));
        Assert.Equal("ACTIVE", notified.Str("conversation.status"));
        Assert.Equal("BUS_DRIVER", notified.At("conversation.participants")[0].Str("role"));
        Assert.Equal("Road construction on my route.", notified.Str("conversation.last_message.content"));

        // Staff join it and see it among their active conversations, with both sides in seed 003's role names.
        var joined = await staff.AnswerAsync("join_conversation", new JsonObject { ["conversation_id"] = conversationId });
        Assert.Equal($"Joined conversation {conversationId}", joined.Str("message"));
        Assert.Equal(conversationId, joined.Str("conversation_id"));
        var active = await staff.AnswerAsync("get_active_conversations", new JsonObject());
        Assert.Equal(1, active.At("count").GetInt32());
        var listed = active.At("conversations")[0];
        Assert.Equal(conversationId, listed.Str("id"));
        Assert.Equal("Support: Route Change Request", listed.Str("title"));
        Assert.Equal(
            [(driverId, "BUS_DRIVER", "John", "Doe"), (staffId, "CONTROL_STAFF", "Jane", "Smith")],
            listed.At("participants").EnumerateArray().Select(p => (p.Str("id"), p.Str("role"), p.Str("first_name"), p.Str("last_name"))));
        Assert.True(active.Has("timestamp"));

        // Typing reaches the other side only.
        var typingAck = await driver.AnswerAsync("typing_indicator", new JsonObject { ["conversation_id"] = conversationId, ["is_typing"] = true });
        Assert.Equal("""{"success":true}""", typingAck.GetRawText());
        var typing = await staff.WaitForAsync("typing_status");
        Assert.Equal((conversationId, driverId, true), (typing.Str("conversation_id"), typing.Str("user_id"), typing.At("is_typing").GetBoolean()));

        // A reply, broadcast to both; the driver's read receipt reaches staff.
        var sent = await staff.AnswerAsync("send_chat_message", new JsonObject { ["conversation_id"] = conversationId, ["content"] = "I'll help you with that route change." });
        Assert.Equal("Message sent successfully", sent.Str("message"));
        Assert.Equal(conversationId, sent.Str("conversation_id"));
        Assert.True(sent.Has("timestamp"));
        var messageId = sent.Str("message_id")!;
        var received = await driver.WaitForAsync("new_message");
        Assert.Equal(conversationId, received.Str("conversation_id"));
        Assert.Equal((messageId, staffId, "I'll help you with that route change.", "TEXT"), (received.Str("message.id"), received.Str("message.sender_id"), received.Str("message.content"), received.Str("message.message_type")));
        Assert.True(received.Has("message.sent_at"));
        await staff.WaitForAsync("new_message", e => e.Is("message.id", messageId));
        var readAck = await driver.AnswerAsync("mark_message_read", new JsonObject { ["conversation_id"] = conversationId, ["message_id"] = messageId });
        Assert.Equal("""{"success":true}""", readAck.GetRawText());
        var read = await staff.WaitForAsync("message_read");
        Assert.Equal((conversationId, driverId, messageId), (read.Str("conversation_id"), read.Str("user_id"), read.Str("message_id")));

        // Two more messages, then the history page by page (limit/skip), oldest first in each page.
        await driver.AnswerAsync("send_chat_message", new JsonObject { ["conversation_id"] = conversationId, ["content"] = "Thanks, which detour?" });
        await staff.AnswerAsync("send_chat_message", new JsonObject { ["conversation_id"] = conversationId, ["content"] = "Take Main Street." });
        var newest = await driver.AnswerAsync("get_conversation_messages", new JsonObject { ["conversation_id"] = conversationId, ["limit"] = 2, ["skip"] = 0 });
        Assert.Equal(2, newest.At("count").GetInt32());
        Assert.Equal(conversationId, newest.Str("conversation_id"));
        Assert.Equal(["Thanks, which detour?", "Take Main Street."], Contents(newest));
        var older = await driver.AnswerAsync("get_conversation_messages", new JsonObject { ["conversation_id"] = conversationId, ["limit"] = 2, ["skip"] = 2 });
        Assert.Equal(["Road construction on my route.", "I'll help you with that route change."], Contents(older));
        Assert.Equal(conversationId, older.At("messages")[0].Str("conversation_id"));
        Assert.Equal(driverId, older.At("messages")[0].Str("sender_id"));
        Assert.False(older.At("has_more").GetBoolean());

        Assert.Empty(driver.Of("typing_status"));
        Assert.Empty(driver.Of("message_read"));
        Assert.Empty(driver.Of("new_support_conversation"));
    }

    [Fact]
    public async Task A_queue_regulator_opens_a_conversation_that_staff_see_as_QUEUE_REGULATOR_and_has_no_ride_or_staff_rights()
    {
        var regulatorId = TestIds.New("regulator");
        var regulatorToken = EdgeTestServer.Token(regulatorId, "regulator", "Quinn Queue");
        await using var staff = await Server.Seed003Async(EdgeTestServer.Token(TestIds.New("admin"), "admin", "Ada"));
        await staff.AnswerAsync("join_support_room", new JsonObject { ["room_type"] = "regulator_support" });
        await using var regulator = await Server.Seed003Async(regulatorToken);

        var created = await regulator.AnswerAsync("create_support_conversation", new JsonObject { ["title"] = "Queue overflow", ["content"] = "Rank 3 is full.", ["room_type"] = "regulator_support" });
        Assert.True(created.At("success").GetBoolean());
        var notified = await staff.WaitForAsync("new_support_conversation");
        Assert.Equal(created.Str("conversation_id"), notified.Str("conversation.id"));
        Assert.Equal("support:regulator_support", notified.Str("room_id"));
        Assert.Equal("QUEUE_REGULATOR", notified.At("conversation.participants")[0].Str("role"));
        var joined = await staff.AnswerAsync("join_conversation", new JsonObject { ["conversation_id"] = created.Str("conversation_id") });
        Assert.True(joined.At("success").GetBoolean());
        var listed = (await staff.AnswerAsync("get_active_conversations", new JsonObject())).At("conversations")[0];
        Assert.Equal("CONTROL_ADMIN", listed.At("participants")[1].Str("role"));

        // A regulator is field staff: no support rooms, no rides.
        var room = await regulator.AnswerAsync("join_support_room", new JsonObject { ["room_type"] = "general_support" });
        Assert.Equal("FORBIDDEN", room.Str("code"));
        var ride = await Server.SendAsync(HttpMethod.Post, "/api/v1/riders/rides", regulatorToken, TestArea.Next().RideRequest());
        Assert.Equal(403, ride.Status);
    }

    private static List<string?> Contents(JsonElement page) => [.. page.At("messages").EnumerateArray().Select(m => m.Str("content"))];
}
