using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Rides.TestInfrastructure;

namespace Rides.Silo.Tests.Schema;

/// <summary>Orleans' ADO.NET reminder table (the one a silo uses) on the schema, driven directly.</summary>
public sealed class ReminderTableTests
{
    [Fact]
    public async Task Reminder_rows_round_trip_and_a_stale_etag_cannot_remove_one()
    {
        await using var schema = await SchemaTestCluster.CreateInstalledSchemaAsync();
        await using var services = CreateServices(schema.ConnectionString);
        var table = await StartTableAsync(services);
        var grainId = NewGrainId();
        var startAt = new DateTime(2026, 1, 2, 3, 4, 5, 678, DateTimeKind.Utc);

        var first = await table.UpsertRow(new ReminderEntry { GrainId = grainId, ReminderName = "r", StartAt = startAt, Period = TimeSpan.FromMinutes(5) }).DefaultTimeout();
        var second = await table.UpsertRow(new ReminderEntry { GrainId = grainId, ReminderName = "r", StartAt = startAt, Period = TimeSpan.FromDays(30) }).DefaultTimeout();
        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.NotEqual(first, second);
        await table.UpsertRow(new ReminderEntry { GrainId = grainId, ReminderName = "other", StartAt = startAt, Period = TimeSpan.FromMinutes(1) }).DefaultTimeout();

        var stored = await table.ReadRow(grainId, "r").DefaultTimeout();
        Assert.NotNull(stored);
        Assert.Equal(grainId, stored.GrainId);
        Assert.Equal(startAt, stored.StartAt);
        Assert.Equal(TimeSpan.FromDays(30), stored.Period);
        Assert.Equal(second, stored.ETag);
        Assert.Equal(["other", "r"], (await table.ReadRows(grainId).DefaultTimeout()).Reminders.Select(r => r.ReminderName).Order(StringComparer.Ordinal));

        Assert.False(await table.RemoveRow(grainId, "r", first).DefaultTimeout());
        Assert.NotNull(await table.ReadRow(grainId, "r").DefaultTimeout());
        Assert.True(await table.RemoveRow(grainId, "r", second).DefaultTimeout());
        Assert.Null(await table.ReadRow(grainId, "r").DefaultTimeout());

        // Registered again, the reminder gets an ETag no earlier handle holds.
        var third = await table.UpsertRow(new ReminderEntry { GrainId = grainId, ReminderName = "r", StartAt = startAt, Period = TimeSpan.FromMinutes(5) }).DefaultTimeout();
        Assert.DoesNotContain(third, new[] { first, second });
        Assert.False(await table.RemoveRow(grainId, "r", second).DefaultTimeout());

        await table.TestOnlyClearTable().DefaultTimeout();
        Assert.Empty((await table.ReadRows(grainId).DefaultTimeout()).Reminders);
    }

    [Fact]
    public async Task Reminder_range_reads_return_exactly_the_reminders_whose_hash_is_in_the_range()
    {
        await using var schema = await SchemaTestCluster.CreateInstalledSchemaAsync();
        await using var services = CreateServices(schema.ConnectionString);
        var table = await StartTableAsync(services);
        var grains = Enumerable.Range(0, 64).Select(_ => NewGrainId()).ToArray();
        foreach (var grainId in grains)
        {
            await table.UpsertRow(new ReminderEntry { GrainId = grainId, ReminderName = "r", StartAt = DateTime.UtcNow, Period = TimeSpan.FromMinutes(1) }).DefaultTimeout();
        }

        // (begin, end] on Orleans' unsigned ring; begin >= end wraps, begin == end is the whole ring.
        (uint Begin, uint End)[] ranges =
        [
            (0, 0),
            (0x1000_0000, 0x7000_0000),
            (0x1000_0000, 0x9000_0000),
            (0x8000_0000, 0xF000_0000),
            (0x9000_0000, 0x1000_0000),
            (0xF000_0000, 0x7000_0000),
            (0x4000_0000, 0x4000_0000),
            (0, uint.MaxValue),
        ];
        foreach (var (begin, end) in ranges)
        {
            var expected = grains
                .Where(g => InRange(g.GetUniformHashCode(), begin, end))
                .Select(g => g.ToString())
                .Order(StringComparer.Ordinal);
            var actual = (await table.ReadRows(begin, end).DefaultTimeout()).Reminders
                .Select(r => r.GrainId.ToString())
                .Order(StringComparer.Ordinal);
            Assert.Equal(expected, actual);
        }
    }

    private static bool InRange(uint hash, uint begin, uint end) => begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;

    private static GrainId NewGrainId() => GrainId.Create("schema-test-reminder", SchemaTestCluster.NewStringKey());

    private static ServiceProvider CreateServices(string connectionString)
    {
        var services = new ServiceCollection();
        services.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = "schema-test-cluster";
            o.ServiceId = "schema-test";
        });
        services.UseAdoNetReminderService(o => o.Configure(options =>
        {
            options.Invariant = SchemaTestCluster.Invariant;
            options.ConnectionString = connectionString;
        }));
        return services.BuildServiceProvider();
    }

    private static async Task<IReminderTable> StartTableAsync(ServiceProvider services)
    {
        var table = services.GetRequiredService<IReminderTable>();
        await table.StartAsync().DefaultTimeout();
        return table;
    }
}
