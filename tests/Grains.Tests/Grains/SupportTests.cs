using Rides.Grains.Events;
using Rides.Grains.Chat;
using Rides.Grains.Errors;
using Rides.Grains.Rides;
using Rides.Grains.Support;
using Rides.Grains.Tests.Infrastructure;
using Rides.TestInfrastructure;

namespace Rides.Grains.Tests.Grains;

public sealed class SupportTests
{
    private static readonly Caller Driver = Caller.Driver("d1", "John Doe");
    private static readonly Caller Staff = Caller.Staff("control_1", "Jane Smith");

    [Fact]
    public async Task A_driver_opens_a_conversation_staff_see_it_in_their_room_join_and_answer()
    {
        await using var rides = await RidesTestCluster.StartAsync();
        await using var room = await rides.Probe<SupportRoomEvent>(Topics.SupportRoom(SupportRoomType.Driver)).StartAsync();
        var id = SupportConversationIds.New();
        var conversation = rides.Grains.GetGrain<ISupportConversationGrain>(id);
        await using var chat = await rides.Probe<ChatEvent>(Topics.SupportChat(id)).StartAsync();

        var created = await conversation.Create(Driver, new CreateSupportConversation("Route Change Request", "I need to discuss my route.", SupportRoomType.Driver)).DefaultTimeout();
        Assert.Equal(("Support: Route Change Request", SupportConversationStatus.Active, "d1"), (created.Title, created.Status, created.CreatedBy));
        Assert.Equal((1L, "I need to discuss my route."), (created.LastMessage!.Id, created.LastMessage.Text));
        var announced = await room.NextAsync();
        Assert.Equal((SupportRoomEventKind.Created, id), (announced.Kind, announced.Conversation.ConversationId));

        var joinedRoom = await rides.Grains.GetGrain<ISupportRoomGrain>("driver_support").Join(Staff).DefaultTimeout();
        Assert.Equal(("support:driver_support", id), (joinedRoom.RoomId, Assert.Single(joinedRoom.OpenConversations).ConversationId));
        await Refusal.Expect(ErrorCodes.NotAParticipant, () => conversation.Send(Staff, "not joined yet"));
        Assert.Single((await conversation.GetMessages(Staff, new ChatPageRequest()).DefaultTimeout()).Messages);

        var joined = await conversation.Join(Staff).DefaultTimeout();
        Assert.Equal(["d1", "control_1"], joined.Participants.Select(p => p.UserId));
        Assert.Equal(SupportRoomEventKind.Updated, (await room.NextAsync()).Kind);
        await conversation.SetTyping(Staff, true).DefaultTimeout();
        var answer = await conversation.Send(Staff, "How can I help you?").DefaultTimeout();
        await conversation.MarkRead(Driver, answer.Id).DefaultTimeout();
        Assert.Equal(ChatEventKind.Message, (await chat.NextAsync()).Kind);
        Assert.Equal(ChatEventKind.Typing, (await chat.NextAsync()).Kind);
        Assert.Equal((ChatEventKind.Message, 2L), ((await chat.NextAsync()).Kind, answer.Id));
        var read = await chat.NextAsync();
        Assert.Equal((ChatEventKind.Read, "d1", 2L), (read.Kind, read.UserId, read.MessageId));

        var page = await conversation.GetMessages(Driver, new ChatPageRequest(10)).DefaultTimeout();
        Assert.Equal(["I need to discuss my route.", "How can I help you?"], page.Messages.Select(m => m.Text));
        var driverInbox = await rides.Grains.GetGrain<ISupportInboxGrain>("d1").GetActive(Driver).DefaultTimeout();
        Assert.Equal("How can I help you?", Assert.Single(driverInbox).LastMessage!.Text);
        Assert.Equal(id, Assert.Single(await rides.Grains.GetGrain<ISupportInboxGrain>("control_1").GetActive(Staff).DefaultTimeout()).ConversationId);
    }

    [Fact]
    public async Task Roles_are_checked_on_every_support_action()
    {
        await using var rides = await RidesTestCluster.StartAsync();
        var conversation = rides.Grains.GetGrain<ISupportConversationGrain>(SupportConversationIds.New());
        var request = new CreateSupportConversation("Lost item", "I left my bag.");
        await Refusal.Expect(ErrorCodes.Forbidden, () => conversation.Create(Staff, request));
        await Refusal.Expect(ErrorCodes.ConversationNotFound, () => conversation.Get(Staff));
        await conversation.Create(Caller.Rider("r1"), request).DefaultTimeout();
        Assert.Equal("r1", (await conversation.Create(Caller.Rider("r1"), request).DefaultTimeout()).CreatedBy);

        await Refusal.Expect(ErrorCodes.NotAParticipant, () => conversation.Get(Caller.Rider("r2")));
        await Refusal.Expect(ErrorCodes.NotAParticipant, () => conversation.Join(Caller.Driver("d1")));
        await Refusal.Expect(ErrorCodes.NotAParticipant, () => conversation.Send(Caller.Rider("r2"), "hi"));
        await Refusal.Expect(ErrorCodes.NotAParticipant, () => conversation.Create(Caller.Rider("r2"), request));
        await Refusal.Expect(ErrorCodes.Forbidden, () => rides.Grains.GetGrain<ISupportRoomGrain>("general_support").Join(Caller.Rider("r1")));
        await Refusal.Expect(ErrorCodes.Forbidden, () => rides.Grains.GetGrain<ISupportRoomGrain>("general_support").Join(Caller.Operator("o1")));
        await Refusal.Expect(ErrorCodes.Forbidden, () => rides.Grains.GetGrain<ISupportInboxGrain>("r1").GetActive(Caller.Rider("r2")));
        await Refusal.Expect(ErrorCodes.ValidationFailed, () => rides.Grains.GetGrain<ISupportConversationGrain>("conv_x").Create(Caller.Rider("r1"), request with { Title = " " }));
    }

    [Fact]
    public async Task A_queue_regulator_opens_and_talks_in_its_own_conversations_only_and_has_no_staff_or_ride_rights()
    {
        await using var rides = await RidesTestCluster.StartAsync();
        var regulator = new Caller("q1", UserRole.Regulator, "Quinn");
        var conversation = rides.Grains.GetGrain<ISupportConversationGrain>(SupportConversationIds.New());
        var created = await conversation.Create(regulator, new CreateSupportConversation("Queue overflow", "Rank 3 is full.", SupportRoomType.Regulator)).DefaultTimeout();
        Assert.Equal((UserRole.Regulator, "q1"), (created.Participants[0].Role, created.CreatedBy));
        await conversation.Join(Staff).DefaultTimeout();
        Assert.Equal(2, (await conversation.Send(regulator, "Send a supervisor, please.").DefaultTimeout()).Id);
        Assert.Equal(created.ConversationId, Assert.Single(await rides.Grains.GetGrain<ISupportInboxGrain>("q1").GetActive(regulator).DefaultTimeout()).ConversationId);

        var foreign = rides.Grains.GetGrain<ISupportConversationGrain>(SupportConversationIds.New());
        await foreign.Create(Caller.Driver("d1"), new CreateSupportConversation("Flat tyre", "At stop 12.")).DefaultTimeout();
        await Refusal.Expect(ErrorCodes.NotAParticipant, () => foreign.Join(regulator));
        await Refusal.Expect(ErrorCodes.NotAParticipant, () => foreign.Send(regulator, "hi"));
        await Refusal.Expect(ErrorCodes.Forbidden, () => rides.Grains.GetGrain<ISupportRoomGrain>("regulator_support").Join(regulator));
        await Refusal.Expect(ErrorCodes.Forbidden, () => rides.Grains.GetGrain<IRideGrain>("ride_q1").Create(regulator, new RideRequest(new Place(1, 1, "A"), new Place(1.01, 1, "B"), VehicleType.Standard)));
    }

    [Fact]
    public async Task A_closed_conversation_leaves_the_inbox_and_the_room_and_is_read_only()
    {
        await using var rides = await RidesTestCluster.StartAsync();
        await using var room = await rides.Probe<SupportRoomEvent>(Topics.SupportRoom(SupportRoomType.Emergency)).StartAsync();
        var conversation = rides.Grains.GetGrain<ISupportConversationGrain>("conv_1");
        await conversation.Create(Driver, new CreateSupportConversation("Accident", "Car hit.", SupportRoomType.Emergency)).DefaultTimeout();
        await Refusal.Expect(ErrorCodes.NotAParticipant, () => conversation.Close(Caller.Rider("r1")));
        Assert.Equal(SupportConversationStatus.Closed, (await conversation.Close(Driver).DefaultTimeout()).Status);

        Assert.Empty(await rides.Grains.GetGrain<ISupportInboxGrain>("d1").GetActive(Driver).DefaultTimeout());
        Assert.Empty((await rides.Grains.GetGrain<ISupportRoomGrain>("emergency_support").Join(Staff).DefaultTimeout()).OpenConversations);
        Assert.Equal(SupportRoomEventKind.Created, (await room.NextAsync()).Kind);
        Assert.Equal(SupportRoomEventKind.Closed, (await room.NextAsync()).Kind);
        await Refusal.Expect(ErrorCodes.ChatReadOnly, () => conversation.Send(Driver, "still there?"));
        Assert.Single((await conversation.GetMessages(Driver, new ChatPageRequest()).DefaultTimeout()).Messages);
    }
}
