using Rides.Grains.Chat;
using Rides.Grains.Tests.Infrastructure;
using Rides.TestInfrastructure;

namespace Rides.Grains.Tests.Chat;

public sealed class ChatStoreTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Stores() => StoreUnderTest<IChatStore>.Kinds();

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Pages_are_the_newest_messages_below_an_id_in_ascending_order(string kind)
    {
        await using var store = await StoreAsync(kind);
        for (var i = 1; i <= 7; i++)
        {
            await store.Store.AppendAsync(ChatRoomKinds.Ride, Message("ride_1", i)).DefaultTimeout();
        }

        await store.Store.AppendAsync(ChatRoomKinds.Support, Message("ride_1", 1)).DefaultTimeout();
        Assert.Equal(7, await store.Store.GetLastIdAsync(ChatRoomKinds.Ride, "ride_1").DefaultTimeout());
        Assert.Equal(0, await store.Store.GetLastIdAsync(ChatRoomKinds.Ride, "ride_2").DefaultTimeout());

        var newest = await store.Store.ReadPageAsync(ChatRoomKinds.Ride, "ride_1", new ChatPageRequest(3)).DefaultTimeout();
        Assert.Equal([5L, 6L, 7L], newest.Messages.Select(m => m.Id));
        Assert.True(newest.HasMore);
        var before = await store.Store.ReadPageAsync(ChatRoomKinds.Ride, "ride_1", new ChatPageRequest(3, BeforeId: 5)).DefaultTimeout();
        Assert.Equal([2L, 3L, 4L], before.Messages.Select(m => m.Id));
        var last = await store.Store.ReadPageAsync(ChatRoomKinds.Ride, "ride_1", new ChatPageRequest(3, BeforeId: 2)).DefaultTimeout();
        Assert.Equal([1L], last.Messages.Select(m => m.Id));
        Assert.False(last.HasMore);
        var skipped = await store.Store.ReadPageAsync(ChatRoomKinds.Ride, "ride_1", new ChatPageRequest(2, Skip: 1)).DefaultTimeout();
        Assert.Equal([5L, 6L], skipped.Messages.Select(m => m.Id));
        Assert.Equal(Message("ride_1", 7), newest.Messages[^1]);
        Assert.Empty((await store.Store.ReadPageAsync(ChatRoomKinds.Ride, "ride_2", new ChatPageRequest()).DefaultTimeout()).Messages);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_second_writer_of_the_same_id_is_refused_and_nothing_is_overwritten(string kind)
    {
        await using var store = await StoreAsync(kind);
        await store.Store.AppendAsync(ChatRoomKinds.Ride, Message("ride_1", 1)).DefaultTimeout();
        await Assert.ThrowsAsync<ChatMessageIdConflictException>(() => store.Store.AppendAsync(ChatRoomKinds.Ride, Message("ride_1", 1) with { Text = "other" }).DefaultTimeout());
        Assert.Equal("text 1", Assert.Single((await store.Store.ReadPageAsync(ChatRoomKinds.Ride, "ride_1", new ChatPageRequest()).DefaultTimeout()).Messages).Text);
    }

    private static ChatMessage Message(string room, long id) =>
        new(id, room, id % 2 == 0 ? "d1" : "r1", id % 2 == 0 ? UserRole.Driver : UserRole.Rider, $"text {id}", T0.AddSeconds(id).AddMilliseconds(123));

    private static Task<StoreUnderTest<IChatStore>> StoreAsync(string kind) =>
        StoreUnderTest<IChatStore>.CreateAsync(kind, () => new MemoryChatStore(), connectionString => new PostgresChatStore(connectionString));
}
