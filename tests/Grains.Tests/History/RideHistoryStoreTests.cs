using Rides.Grains.Errors;
using Rides.Grains.History;
using Rides.Grains.Rides;
using Rides.Grains.Tests.Infrastructure;
using Rides.TestInfrastructure;

namespace Rides.Grains.Tests.History;

/// <summary>Both history stores keep the same contract: newest first, once per ride, the newest 100 per owner, checked pages.</summary>
public sealed class RideHistoryStoreTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Stores() => StoreUnderTest<IRideHistoryStore>.Kinds();

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_history_is_newest_first_records_a_ride_once_and_keeps_owners_apart(string kind)
    {
        await using var store = await StoreAsync(kind);
        for (var i = 1; i <= 5; i++)
        {
            Assert.True(await store.Store.RecordAsync(RideHistoryOwners.Rider, "r1", Entry(i)).DefaultTimeout());
        }

        // A retried settlement records nothing twice, even with a different entry.
        Assert.False(await store.Store.RecordAsync(RideHistoryOwners.Rider, "r1", Entry(3) with { Fare = 99m }).DefaultTimeout());
        Assert.True(await store.Store.RecordAsync(RideHistoryOwners.Driver, "r1", Entry(9)).DefaultTimeout());

        var page = await store.Store.ReadPageAsync(RideHistoryOwners.Rider, "r1", 3, 0).DefaultTimeout();
        Assert.Equal(["ride_5", "ride_4", "ride_3"], page.Rides.Select(r => r.RideId));
        Assert.Equal((5, 0, 3, true), (page.Total, page.Skip, page.Limit, page.HasMore));
        Assert.Equal(Entry(5), page.Rides[0]);
        Assert.Equal(12.5m, page.Rides[2].Fare);
        var rest = await store.Store.ReadPageAsync(RideHistoryOwners.Rider, "r1", 3, 3).DefaultTimeout();
        Assert.Equal(["ride_2", "ride_1"], rest.Rides.Select(r => r.RideId));
        Assert.False(rest.HasMore);
        Assert.Equal(["ride_9"], (await store.Store.ReadPageAsync(RideHistoryOwners.Driver, "r1", 10, 0).DefaultTimeout()).Rides.Select(r => r.RideId));
        var none = await store.Store.ReadPageAsync(RideHistoryOwners.Rider, "nobody", 10, 0).DefaultTimeout();
        Assert.Equal((0, false), (none.Total, none.HasMore));
        Assert.Empty(none.Rides);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task An_owner_keeps_its_newest_hundred_rides(string kind)
    {
        await using var store = await StoreAsync(kind);
        for (var i = 1; i <= RideHistoryLimits.Kept + 5; i++)
        {
            await store.Store.RecordAsync(RideHistoryOwners.Driver, "d1", Entry(i)).DefaultTimeout();
        }

        var oldest = await store.Store.ReadPageAsync(RideHistoryOwners.Driver, "d1", 10, RideHistoryLimits.Kept - 2).DefaultTimeout();
        Assert.Equal(RideHistoryLimits.Kept, oldest.Total);
        Assert.Equal(["ride_7", "ride_6"], oldest.Rides.Select(r => r.RideId));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_page_out_of_range_is_refused_naming_the_field(string kind)
    {
        await using var store = await StoreAsync(kind);
        var limit = await Assert.ThrowsAsync<RidesException>(() => store.Store.ReadPageAsync(RideHistoryOwners.Rider, "r1", 0, 0));
        Assert.Equal(ErrorCodes.ValidationFailed, limit.Code);
        Assert.Contains("limit", limit.Message + limit.Detail, StringComparison.Ordinal);
        var skip = await Assert.ThrowsAsync<RidesException>(() => store.Store.ReadPageAsync(RideHistoryOwners.Rider, "r1", 10, RideHistoryLimits.Kept + 1));
        Assert.Equal(ErrorCodes.ValidationFailed, skip.Code);
        Assert.Contains("skip", skip.Message + skip.Detail, StringComparison.Ordinal);
    }

    private static RideHistoryEntry Entry(int i) => new(
        "ride_" + i,
        i % 2 == 0 ? RideStatus.Canceled : RideStatus.Completed,
        "d1",
        new Place(52.5 + i / 1000.0, 13.4, "Pickup " + i),
        new Place(52.6, 13.5 + i / 1000.0, null),
        i % 2 == 0 ? null : 12.5m,
        T0.AddMinutes(i),
        T0.AddMinutes(i + 20).AddMilliseconds(250),
        "r1",
        i % 2 == 0 ? null : 3.25,
        i % 2 == 0 ? null : "USD");

    private static Task<StoreUnderTest<IRideHistoryStore>> StoreAsync(string kind) =>
        StoreUnderTest<IRideHistoryStore>.CreateAsync(kind, () => new MemoryRideHistoryStore(), connectionString => new PostgresRideHistoryStore(connectionString));
}
