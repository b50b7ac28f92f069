using Rides.Runtime.Membership;
using Rides.Runtime.Postgres.Membership;
using Rides.TestInfrastructure;

namespace Rides.Runtime.Postgres.Tests.Membership;

public sealed class PostgresMembershipTableTests(PostgresFixture fixture) : PostgresTest(fixture)
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    private static MembershipEntry Silo(string address, SiloStatus status = SiloStatus.Joining, DateTimeOffset? alive = null) =>
        new(address, "silo-" + address, status, T0, alive ?? T0, []);

    [Fact]
    public async Task A_new_table_is_at_version_zero_with_no_silos()
    {
        var table = new PostgresMembershipTable(DataSource);
        await table.InitializeAsync().DefaultTimeout();

        var snapshot = await table.ReadAllAsync().DefaultTimeout();

        Assert.Equal(0, snapshot.Version);
        Assert.Empty(snapshot.Entries);
    }

    [Fact]
    public async Task Insert_at_the_current_version_adds_the_silo_and_bumps_the_version()
    {
        var table = new PostgresMembershipTable(DataSource);
        var entry = Silo("10.0.0.1:11111:1") with
        {
            SuspectTimes = [new SuspectTime("10.0.0.2:11111:1", T0.AddSeconds(5))],
        };

        var inserted = await table.InsertRowAsync(entry, 0).DefaultTimeout();
        var snapshot = await table.ReadAllAsync().DefaultTimeout();

        Assert.True(inserted);
        Assert.Equal(1, snapshot.Version);
        var read = Assert.Single(snapshot.Entries);
        Assert.Equal(entry.SiloAddress, read.SiloAddress);
        Assert.Equal(entry.SiloName, read.SiloName);
        Assert.Equal(SiloStatus.Joining, read.Status);
        Assert.Equal(T0, read.StartTime);
        Assert.Equal(T0, read.IAmAliveTime);
        Assert.Equal([new SuspectTime("10.0.0.2:11111:1", T0.AddSeconds(5))], read.SuspectTimes);
    }

    [Fact]
    public async Task Insert_with_a_stale_version_returns_false_and_changes_nothing()
    {
        var table = new PostgresMembershipTable(DataSource);
        Assert.True(await table.InsertRowAsync(Silo("a:1:1"), 0).DefaultTimeout());

        var inserted = await table.InsertRowAsync(Silo("b:1:1"), 0).DefaultTimeout();
        var snapshot = await table.ReadAllAsync().DefaultTimeout();

        Assert.False(inserted);
        Assert.Equal(1, snapshot.Version);
        Assert.Equal(["a:1:1"], snapshot.Entries.Select(e => e.SiloAddress));
    }

    [Fact]
    public async Task Insert_of_a_silo_already_present_returns_false_and_leaves_the_version()
    {
        var table = new PostgresMembershipTable(DataSource);
        Assert.True(await table.InsertRowAsync(Silo("a:1:1"), 0).DefaultTimeout());

        var inserted = await table.InsertRowAsync(Silo("a:1:1", SiloStatus.Active), 1).DefaultTimeout();
        var snapshot = await table.ReadAllAsync().DefaultTimeout();

        Assert.False(inserted);
        Assert.Equal(1, snapshot.Version);
        Assert.Equal(SiloStatus.Joining, Assert.Single(snapshot.Entries).Status);
    }

    [Fact]
    public async Task Update_is_conditional_on_the_table_version()
    {
        var table = new PostgresMembershipTable(DataSource);
        Assert.True(await table.InsertRowAsync(Silo("a:1:1"), 0).DefaultTimeout());
        var active = Silo("a:1:1", SiloStatus.Active, T0.AddSeconds(10)) with
        {
            SuspectTimes = [new SuspectTime("b:1:1", T0.AddSeconds(9))],
        };

        var updated = await table.UpdateRowAsync(active, 1).DefaultTimeout();
        var staleUpdate = await table.UpdateRowAsync(Silo("a:1:1", SiloStatus.Dead), 1).DefaultTimeout();
        var snapshot = await table.ReadAllAsync().DefaultTimeout();

        Assert.True(updated);
        Assert.False(staleUpdate);
        Assert.Equal(2, snapshot.Version);
        var read = Assert.Single(snapshot.Entries);
        Assert.Equal(SiloStatus.Active, read.Status);
        Assert.Equal(T0.AddSeconds(10), read.IAmAliveTime);
        Assert.Equal([new SuspectTime("b:1:1", T0.AddSeconds(9))], read.SuspectTimes);
    }

    [Fact]
    public async Task Update_of_a_silo_not_in_the_table_returns_false_and_leaves_the_version()
    {
        var table = new PostgresMembershipTable(DataSource);

        var updated = await table.UpdateRowAsync(Silo("ghost:1:1", SiloStatus.Dead), 0).DefaultTimeout();
        var snapshot = await table.ReadAllAsync().DefaultTimeout();

        Assert.False(updated);
        Assert.Equal(0, snapshot.Version);
        Assert.Empty(snapshot.Entries);
    }

    [Fact]
    public async Task Of_many_concurrent_writers_at_one_version_exactly_one_succeeds()
    {
        const int writers = 12;
        var table = new PostgresMembershipTable(DataSource);
        Assert.True(await table.InsertRowAsync(Silo("target:1:1", SiloStatus.Active), 0).DefaultTimeout());
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var attempts = Enumerable.Range(0, writers).Select(async i =>
        {
            await start.Task;
            var suspicion = Silo("target:1:1", SiloStatus.Active) with { SuspectTimes = [new SuspectTime($"peer-{i}:1:1", T0)] };
            return (Peer: i, Won: await table.UpdateRowAsync(suspicion, 1));
        }).ToArray();
        start.SetResult();
        var results = await Task.WhenAll(attempts).DefaultTimeout();
        var snapshot = await table.ReadAllAsync().DefaultTimeout();

        var winner = Assert.Single(results, r => r.Won);
        Assert.Equal(2, snapshot.Version);
        Assert.Equal([new SuspectTime($"peer-{winner.Peer}:1:1", T0)], Assert.Single(snapshot.Entries).SuspectTimes);
    }

    [Fact]
    public async Task Heartbeat_updates_i_am_alive_without_changing_the_version()
    {
        var table = new PostgresMembershipTable(DataSource);
        Assert.True(await table.InsertRowAsync(Silo("a:1:1", SiloStatus.Active), 0).DefaultTimeout());
        Assert.True(await table.InsertRowAsync(Silo("b:1:1", SiloStatus.Active), 1).DefaultTimeout());

        await table.UpdateIAmAliveAsync("a:1:1", T0.AddMinutes(1)).DefaultTimeout();
        await table.UpdateIAmAliveAsync("unknown:1:1", T0.AddMinutes(1)).DefaultTimeout();
        var snapshot = await table.ReadAllAsync().DefaultTimeout();

        Assert.Equal(2, snapshot.Version);
        Assert.Equal(
            [("a:1:1", T0.AddMinutes(1)), ("b:1:1", T0)],
            snapshot.Entries.Select(e => (e.SiloAddress, e.IAmAliveTime)));
    }

    [Fact]
    public async Task Cleanup_removes_only_dead_silos_last_alive_before_the_date()
    {
        var table = new PostgresMembershipTable(DataSource);
        Assert.True(await table.InsertRowAsync(Silo("dead-old:1:1", SiloStatus.Dead, T0), 0).DefaultTimeout());
        Assert.True(await table.InsertRowAsync(Silo("dead-new:1:1", SiloStatus.Dead, T0.AddHours(2)), 1).DefaultTimeout());
        Assert.True(await table.InsertRowAsync(Silo("active-old:1:1", SiloStatus.Active, T0), 2).DefaultTimeout());

        await table.CleanupDefunctEntriesAsync(T0.AddHours(1)).DefaultTimeout();
        var snapshot = await table.ReadAllAsync().DefaultTimeout();

        Assert.Equal(["active-old:1:1", "dead-new:1:1"], snapshot.Entries.Select(e => e.SiloAddress).Order());
        Assert.Equal(3, snapshot.Version);
    }
}
