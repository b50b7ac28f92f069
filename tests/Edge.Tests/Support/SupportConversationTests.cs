using Rides.Grains.Events;
using System.Text.Json.Nodes;
using Rides.Grains;

namespace Rides.Edge.Tests.Support;

/// <summary>Seed 003's support conversations between field users and staff, with typing and read receipts.</summary>
public sealed class SupportConversationTests(EdgeServerFixture fixture) : IClassFixture<EdgeServerFixture>
{
    private EdgeTestServer Server => fixture.Server;

    [Fact]
    public async Task A_driver_opens_a_conversation_staff_hear_of_it_join_and_both_chat_with_typing_and_read_receipts()
    {
        await using var staff = await Server.ConnectNewAsync("staff", "Jane Smith");
        var room = Envelope.Success(await staff.Hub.InvokeAsync("join_support_room", new JsonObject { ["room_type"] = "driver_support" }).DefaultTimeout());
        Assert.Equal("support:driver_support", room.Str("room_id"));

        await using var driver = await Server.ConnectNewAsync("driver", "John Doe");
        var conversationId = TestIds.New("conv");
        var created = Envelope.Success(await driver.Hub.InvokeAsync("create_support_conversation", new JsonObject
        {
            ["conversation_id"] = conversationId,
            ["title"] = "Route Change Request",
            ["content"] = "I need to discuss changing my route.",
            ["room_type"] = "driver_support",
        }).DefaultTimeout());
        Assert.Equal("Support conversation created successfully", created.Str("message"));
        Assert.Equal(conversationId, created.Str("conversation_id"));
        Assert.Equal("Support: Route Change Request", created.Str("title"));

        var announced = await staff.Hub.Events.WaitForAsync("support_conversation_update", e => e.Str("conversation.id") == conversationId);
        Assert.Equal("created", announced.Str("kind"));

        var joined = Envelope.Success(await staff.Hub.InvokeAsync("join_conversation", new JsonObject { ["conversation_id"] = conversationId }).DefaultTimeout());
        Assert.Contains(staff.Id, joined.At("participants").EnumerateArray().Select(p => p.GetString()));
        var page = Envelope.Success(await staff.Hub.InvokeAsync("get_conversation_messages", new JsonObject { ["conversation_id"] = conversationId, ["limit"] = 50, ["skip"] = 0 }).DefaultTimeout());
        Assert.Equal(1, page.Long("count"));
        Assert.Equal("I need to discuss changing my route.", page.At("messages")[0].Str("content"));

        Envelope.Success(await staff.Hub.InvokeAsync("typing_indicator", new JsonObject { ["conversation_id"] = conversationId, ["is_typing"] = true }).DefaultTimeout());
        var typing = await driver.Hub.Events.WaitForAsync("typing_status", e => e.Str("conversation_id") == conversationId);
        Assert.Equal(staff.Id, typing.Str("user_id"));
        Assert.True(typing.At("is_typing").GetBoolean());

        var sent = Envelope.Success(await staff.Hub.InvokeAsync("send_chat_message", new JsonObject { ["conversation_id"] = conversationId, ["content"] = "How can I help you?" }).DefaultTimeout());
        var message = await driver.Hub.Events.WaitForAsync("new_message", e => e.Str("message.content") == "How can I help you?");
        Assert.Equal(conversationId, message.Str("conversation_id"));
        Assert.Equal(staff.Id, message.Str("message.sender_id"));
        Assert.Equal("TEXT", message.Str("message.message_type"));

        Envelope.Success(await driver.Hub.InvokeAsync("mark_message_read", new JsonObject { ["conversation_id"] = conversationId, ["message_id"] = sent.Long("message_id") }).DefaultTimeout());
        var read = await staff.Hub.Events.WaitForAsync("message_read", e => e.Str("conversation_id") == conversationId);
        Assert.Equal(driver.Id, read.Str("user_id"));
        Assert.Equal(sent.Long("message_id"), read.Long("message_id"));

        // Own typing and read receipts are not echoed back.
        Assert.Empty(staff.Hub.Events.Of("typing_status"));
        Assert.Empty(driver.Hub.Events.Of("message_read"));

        var active = Envelope.Success(await driver.Hub.InvokeAsync("get_active_conversations", new JsonObject()).DefaultTimeout());
        Assert.Contains(conversationId, active.At("conversations").EnumerateArray().Select(c => c.Str("id")));
    }

    [Fact]
    public async Task A_rider_cannot_join_a_support_room_or_a_conversation_of_someone_else()
    {
        await using var driver = await Server.ConnectNewAsync("driver");
        var conversationId = TestIds.New("conv");
        Envelope.Success(await driver.Hub.InvokeAsync("create_support_conversation", new JsonObject { ["conversation_id"] = conversationId, ["title"] = "Help", ["content"] = "Please" }).DefaultTimeout());

        await using var rider = await Server.ConnectNewAsync("rider");
        Envelope.Error(await rider.Hub.InvokeAsync("join_support_room", new JsonObject { ["room_type"] = "general_support" }).DefaultTimeout(), "FORBIDDEN");
        Envelope.Error(await rider.Hub.InvokeAsync("join_conversation", new JsonObject { ["conversation_id"] = conversationId }).DefaultTimeout(), "NOT_A_PARTICIPANT");
        Assert.Equal([Topics.User(rider.Id)], Server.Subscriptions.TopicsOf(rider.Hub.ConnectionId));
    }

    [Fact]
    public async Task Typing_and_read_receipts_in_a_ride_room_reach_only_the_other_participant()
    {
        await using var scenario = await RideScenario.AcceptedAsync(Server);
        var sent = Envelope.Success(await scenario.Driver.Hub.InvokeAsync("send_chat_message", new JsonObject { ["ride_id"] = scenario.RideId, ["message"] = "Here" }).DefaultTimeout());
        Envelope.Success(await scenario.Rider.Hub.InvokeAsync("typing_indicator", new JsonObject { ["ride_id"] = scenario.RideId, ["is_typing"] = true }).DefaultTimeout());
        var typing = await scenario.Driver.Hub.Events.WaitForAsync("typing_status", e => e.Str("ride_id") == scenario.RideId);
        Assert.Equal(scenario.Rider.Id, typing.Str("user_id"));
        Assert.Equal("RIDER", typing.Str("user_type"));

        Envelope.Success(await scenario.Rider.Hub.InvokeAsync("mark_message_read", new JsonObject { ["ride_id"] = scenario.RideId, ["message_id"] = sent.Long("chat_id").ToString(System.Globalization.CultureInfo.InvariantCulture) }).DefaultTimeout());
        var read = await scenario.Driver.Hub.Events.WaitForAsync("message_read", e => e.Str("ride_id") == scenario.RideId);
        Assert.Equal(sent.Long("chat_id"), read.Long("message_id"));
        Assert.Empty(scenario.Rider.Hub.Events.Of("typing_status"));
    }
}
