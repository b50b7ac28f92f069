using Rides.Runtime.Postgres.Reminders;
using Rides.Runtime.Reminders;
using Rides.TestInfrastructure;

namespace Rides.Runtime.Postgres.Tests.Reminders;

public sealed class PostgresReminderTableTests(PostgresFixture fixture) : PostgresTest(fixture)
{
    private static readonly GrainId Ride = new("ride", "r-1");
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 10, 30, 15, 123, TimeSpan.FromHours(2));

    [Fact]
    public async Task Reminder_upsert_read_and_remove_with_etag()
    {
        var table = new PostgresReminderTable(DataSource);
        await table.InitializeAsync().DefaultTimeout();

        var etag = await table.UpsertRowAsync(new ReminderEntry(Ride, "offer-timeout", Start, TimeSpan.FromSeconds(30))).DefaultTimeout();
        var read = await table.ReadRowAsync(Ride, "offer-timeout").DefaultTimeout();
        var removed = await table.RemoveRowAsync(Ride, "offer-timeout", etag).DefaultTimeout();
        var afterRemove = await table.ReadRowAsync(Ride, "offer-timeout").DefaultTimeout();

        Assert.Equal(new ReminderEntry(Ride, "offer-timeout", Start, TimeSpan.FromSeconds(30), etag), read);
        Assert.Equal(TimeSpan.Zero, read!.StartAt.Offset);
        Assert.True(removed);
        Assert.Null(afterRemove);
    }

    [Fact]
    public async Task Upsert_replaces_the_reminder_with_a_new_etag_and_the_old_etag_cannot_remove_it()
    {
        var table = new PostgresReminderTable(DataSource);
        var first = await table.UpsertRowAsync(new ReminderEntry(Ride, "tick", Start, TimeSpan.FromMinutes(1))).DefaultTimeout();

        var second = await table.UpsertRowAsync(new ReminderEntry(Ride, "tick", Start.AddHours(1), TimeSpan.FromTicks(12_345_678))).DefaultTimeout();
        var removedWithOld = await table.RemoveRowAsync(Ride, "tick", first).DefaultTimeout();
        var read = await table.ReadRowAsync(Ride, "tick").DefaultTimeout();

        Assert.NotEqual(first, second);
        Assert.False(removedWithOld);
        Assert.Equal(new ReminderEntry(Ride, "tick", Start.AddHours(1), TimeSpan.FromTicks(12_345_678), second), read);
        Assert.Single(await table.ReadAllAsync().DefaultTimeout());
    }

    [Fact]
    public async Task An_etag_from_before_a_remove_cannot_remove_the_reminder_registered_again()
    {
        var table = new PostgresReminderTable(DataSource);
        var old = await table.UpsertRowAsync(new ReminderEntry(Ride, "tick", Start, TimeSpan.FromMinutes(1))).DefaultTimeout();
        Assert.True(await table.RemoveRowAsync(Ride, "tick", old).DefaultTimeout());
        var again = await table.UpsertRowAsync(new ReminderEntry(Ride, "tick", Start, TimeSpan.FromMinutes(1))).DefaultTimeout();

        var removedWithOld = await table.RemoveRowAsync(Ride, "tick", old).DefaultTimeout();

        Assert.NotEqual(old, again);
        Assert.False(removedWithOld);
        Assert.Equal(again, (await table.ReadRowAsync(Ride, "tick").DefaultTimeout())!.ETag);
    }

    [Fact]
    public async Task Rows_of_one_grain_and_all_rows_are_read_in_key_order()
    {
        var table = new PostgresReminderTable(DataSource);
        var driver = new GrainId("driver", "d-1");
        await table.UpsertRowAsync(new ReminderEntry(Ride, "b", Start, TimeSpan.FromMinutes(2))).DefaultTimeout();
        await table.UpsertRowAsync(new ReminderEntry(driver, "z", Start, TimeSpan.FromMinutes(3))).DefaultTimeout();
        await table.UpsertRowAsync(new ReminderEntry(Ride, "a", Start, TimeSpan.FromMinutes(1))).DefaultTimeout();

        var rideRows = await table.ReadRowsAsync(Ride).DefaultTimeout();
        var all = await table.ReadAllAsync().DefaultTimeout();

        Assert.Equal(["a", "b"], rideRows.Select(r => r.ReminderName));
        Assert.Equal(["driver/d-1/z", "ride/r-1/a", "ride/r-1/b"], all.Select(r => $"{r.GrainId}/{r.ReminderName}"));
        Assert.Empty(await table.ReadRowsAsync(new GrainId("ride", "none")).DefaultTimeout());
    }

    [Fact]
    public async Task Removing_a_missing_reminder_returns_false()
    {
        var table = new PostgresReminderTable(DataSource);

        Assert.False(await table.RemoveRowAsync(Ride, "missing", "1").DefaultTimeout());
    }

    [Fact]
    public async Task Bad_input_is_rejected_with_clear_exceptions()
    {
        var table = new PostgresReminderTable(DataSource);
        await table.InitializeAsync().DefaultTimeout();

        var etag = await Assert.ThrowsAsync<ArgumentException>(() => table.RemoveRowAsync(Ride, "tick", "v1")).DefaultTimeout();
        var period = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => table.UpsertRowAsync(new ReminderEntry(Ride, "tick", Start, TimeSpan.FromSeconds(-1)))).DefaultTimeout();
        await Assert.ThrowsAsync<ArgumentException>(() => table.UpsertRowAsync(new ReminderEntry(Ride, "", Start, TimeSpan.Zero))).DefaultTimeout();

        Assert.Equal("etag", etag.ParamName);
        Assert.StartsWith("'v1' is not an ETag of the PostgreSQL reminder table", etag.Message, StringComparison.Ordinal);
        Assert.StartsWith("A reminder's period must not be negative.", period.Message, StringComparison.Ordinal);
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM rides_reminders"));
    }
}
