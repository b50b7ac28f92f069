using Rides.Grains.Events;
using Rides.Grains.Chat;
using Rides.Grains.Errors;
using Rides.Grains.Tests.Infrastructure;
using Rides.TestInfrastructure;

namespace Rides.Grains.Tests.Grains;

public sealed class ChatTests
{
    private static readonly Caller Rider = Caller.Rider("r1");
    private static readonly Caller Driver = Caller.Driver("d1");

    [Fact]
    public async Task History_pages_newest_first_by_limit_and_before_id_each_page_in_ascending_order()
    {
        await using var rides = await RidesTestCluster.StartAsync();
        var (rideId, chat) = await AcceptedRideChatAsync(rides);
        for (var i = 1; i <= 12; i++)
        {
            var sent = await chat.Send(i % 2 == 1 ? Rider : Driver, $"m{i}").DefaultTimeout();
            Assert.Equal(i, sent.Id);
            rides.Time.Advance(TimeSpan.FromSeconds(12));
        }

        var newest = await chat.GetMessages(Rider, new ChatPageRequest(5)).DefaultTimeout();
        Assert.Equal(["m8", "m9", "m10", "m11", "m12"], newest.Messages.Select(m => m.Text));
        Assert.True(newest.HasMore);
        var older = await chat.GetMessages(Driver, new ChatPageRequest(5, BeforeId: newest.Messages[0].Id)).DefaultTimeout();
        Assert.Equal([3L, 4L, 5L, 6L, 7L], older.Messages.Select(m => m.Id));
        var oldest = await chat.GetMessages(Rider, new ChatPageRequest(5, BeforeId: 3)).DefaultTimeout();
        Assert.Equal([1L, 2L], oldest.Messages.Select(m => m.Id));
        Assert.False(oldest.HasMore);
        var skipped = await chat.GetMessages(Rider, new ChatPageRequest(3, Skip: 2)).DefaultTimeout();
        Assert.Equal(["m8", "m9", "m10"], skipped.Messages.Select(m => m.Text));

        var first = oldest.Messages[0];
        Assert.Equal(new ChatMessage(1, rideId, "r1", UserRole.Rider, "m1", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)), first);
        Assert.Equal(UserRole.Driver, oldest.Messages[1].SenderRole);
    }

    [Fact]
    public async Task Messages_typing_and_read_receipts_are_published_to_the_room_in_order()
    {
        await using var rides = await RidesTestCluster.StartAsync();
        var (rideId, chat) = await AcceptedRideChatAsync(rides);
        await using var events = await rides.Probe<ChatEvent>(Topics.RideChat(rideId)).StartAsync();

        await chat.SetTyping(Driver, true).DefaultTimeout();
        var message = await chat.Send(Driver, "  I'm at the pickup location ").DefaultTimeout();
        await chat.MarkRead(Rider, message.Id).DefaultTimeout();

        var typing = await events.NextAsync();
        Assert.Equal((ChatEventKind.Typing, "d1", true), (typing.Kind, typing.UserId, typing.IsTyping));
        var sent = await events.NextAsync();
        Assert.Equal((ChatEventKind.Message, "I'm at the pickup location"), (sent.Kind, sent.Message!.Text));
        Assert.Equal(message, sent.Message);
        var read = await events.NextAsync();
        Assert.Equal((ChatEventKind.Read, "r1", message.Id), (read.Kind, read.UserId, read.MessageId));
        await Refusal.Expect(ErrorCodes.MessageNotFound, () => chat.MarkRead(Rider, 2));
        Assert.Equal(3, await events.PublishedCountAsync());
    }

    [Fact]
    public async Task Only_the_rider_and_the_assigned_driver_write_and_staff_may_only_read()
    {
        await using var rides = await RidesTestCluster.StartAsync();
        var (_, chat) = await AcceptedRideChatAsync(rides);
        await chat.Send(Rider, "hello").DefaultTimeout();
        await Refusal.Expect(ErrorCodes.NotAParticipant, () => chat.Send(Caller.Rider("r2"), "hi"));
        await Refusal.Expect(ErrorCodes.NotAParticipant, () => chat.Send(Caller.Driver("d2"), "hi"));
        await Refusal.Expect(ErrorCodes.NotAParticipant, () => chat.GetMessages(Caller.Rider("r2"), new ChatPageRequest()));
        await Refusal.Expect(ErrorCodes.Forbidden, () => chat.Send(Caller.Staff("s1"), "hi"));
        Assert.Single((await chat.GetMessages(Caller.Staff("s1"), new ChatPageRequest()).DefaultTimeout()).Messages);
        await Refusal.Expect(ErrorCodes.RideNotFound, () => rides.Grains.GetGrain<IChatRoomGrain>("ride_missing").Send(Rider, "hi"));
    }

    [Fact]
    public async Task Empty_and_over_long_messages_and_bad_pages_are_refused()
    {
        await using var rides = await RidesTestCluster.StartAsync();
        var (_, chat) = await AcceptedRideChatAsync(rides);
        await Refusal.Expect(ErrorCodes.ValidationFailed, () => chat.Send(Rider, "   "));
        await Refusal.Expect(ErrorCodes.ValidationFailed, () => chat.Send(Rider, new string('a', ChatLimits.MaxMessageLength + 1)));
        Assert.Equal(ChatLimits.MaxMessageLength, (await chat.Send(Rider, new string('a', ChatLimits.MaxMessageLength)).DefaultTimeout()).Text.Length);
        await Refusal.Expect(ErrorCodes.ValidationFailed, () => chat.GetMessages(Rider, new ChatPageRequest(0)));
    }

    [Fact]
    public async Task The_chat_is_read_only_once_the_ride_is_over_and_its_history_stays_readable()
    {
        await using var rides = await RidesTestCluster.StartAsync();
        var (rideId, chat) = await AcceptedRideChatAsync(rides);
        await chat.Send(Rider, "see you").DefaultTimeout();
        await rides.Ride(rideId).Cancel(Rider).DefaultTimeout();
        var ex = await Refusal.Expect(ErrorCodes.ChatReadOnly, () => chat.Send(Driver, "ok"));
        Assert.Equal("status: canceled", ex.Detail);
        await Refusal.Expect(ErrorCodes.ChatReadOnly, () => chat.SetTyping(Rider, true));
        Assert.Equal(["see you"], (await chat.GetMessages(Driver, new ChatPageRequest()).DefaultTimeout()).Messages.Select(m => m.Text));
    }

    private static async Task<(string RideId, IChatRoomGrain Chat)> AcceptedRideChatAsync(RidesTestCluster rides)
    {
        await rides.OnlineDriverAsync("d1");
        var rideId = (await rides.RequestRideAsync("r1")).RideId;
        await rides.Ride(rideId).Accept(Driver).DefaultTimeout();
        return (rideId, rides.Grains.GetGrain<IChatRoomGrain>(rideId));
    }
}
