using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Runtime.Membership;
using Orleans.Runtime.MembershipService;
using Rides.TestInfrastructure;

namespace Rides.Silo.Tests.Schema;

/// <summary>
/// Orleans' ADO.NET membership table (the class a silo uses) on the schema, driven directly so
/// that every outcome of the version protocol can be provoked.
/// </summary>
public sealed class MembershipTableTests
{
    [Fact]
    public async Task Membership_read_returns_the_table_version_even_without_silos()
    {
        await using var schema = await SchemaTestCluster.CreateInstalledSchemaAsync();
        var table = await CreateTableAsync(schema.ConnectionString, initialize: false);

        // Before any silo created the version row: version 0, nothing else, no error.
        var beforeInit = await table.ReadAllAsync().DefaultTimeout();
        Assert.Empty(beforeInit.Members);
        Assert.Equal(0, beforeInit.Version.Version);

        await table.InitializeMembershipTableAsync(tryInitTableVersion: true).DefaultTimeout();
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true).DefaultTimeout();

        var all = await table.ReadAllAsync().DefaultTimeout();
        Assert.Empty(all.Members);
        Assert.Equal(new TableVersion(0, "0"), all.Version);
        var row = await table.ReadRowAsync(NewSiloAddress()).DefaultTimeout();
        Assert.Empty(row.Members);
        Assert.Equal(new TableVersion(0, "0"), row.Version);
    }

    [Fact]
    public async Task Membership_insert_and_update_succeed_only_on_the_version_they_read()
    {
        await using var schema = await SchemaTestCluster.CreateInstalledSchemaAsync();
        var table = await CreateTableAsync(schema.ConnectionString);
        var v0 = (await table.ReadAllAsync().DefaultTimeout()).Version;
        var a = NewEntry(SiloStatus.Joining);
        var b = NewEntry(SiloStatus.Joining);

        Assert.True(await table.InsertRowAsync(a, v0.Next()).DefaultTimeout());
        var v1 = (await table.ReadAllAsync().DefaultTimeout()).Version;
        Assert.Equal(1, v1.Version);

        // A stale version, or a silo already in the table: refused, and nothing changes.
        Assert.False(await table.InsertRowAsync(b, v0.Next()).DefaultTimeout());
        Assert.False(await table.InsertRowAsync(a, v1.Next()).DefaultTimeout());
        var afterRefusals = await table.ReadAllAsync().DefaultTimeout();
        Assert.Equal(v1, afterRefusals.Version);
        Assert.Equal(a.SiloAddress, Assert.Single(afterRefusals.Members).Item1.SiloAddress);

        a.Status = SiloStatus.Active;
        Assert.True(await table.UpdateRowAsync(a, v1.VersionEtag, v1.Next()).DefaultTimeout());
        var v2 = (await table.ReadAllAsync().DefaultTimeout()).Version;
        Assert.Equal(2, v2.Version);

        // A stale version, or a silo not in the table: refused, and nothing changes.
        a.Status = SiloStatus.Dead;
        Assert.False(await table.UpdateRowAsync(a, v1.VersionEtag, v1.Next()).DefaultTimeout());
        Assert.False(await table.UpdateRowAsync(b, v2.VersionEtag, v2.Next()).DefaultTimeout());
        var (stored, etag) = Assert.Single((await table.ReadRowAsync(a.SiloAddress).DefaultTimeout()).Members);
        Assert.Equal(SiloStatus.Active, stored.Status);
        Assert.Equal(v2.VersionEtag, etag);
        Assert.Equal(v2, (await table.ReadAllAsync().DefaultTimeout()).Version);
    }

    [Fact]
    public async Task Membership_rows_keep_what_orleans_writes()
    {
        await using var schema = await SchemaTestCluster.CreateInstalledSchemaAsync();
        var table = await CreateTableAsync(schema.ConnectionString);
        var entry = NewEntry(SiloStatus.Active);
        var version = (await table.ReadAllAsync().DefaultTimeout()).Version;
        Assert.True(await table.InsertRowAsync(entry, version.Next()).DefaultTimeout());

        version = (await table.ReadAllAsync().DefaultTimeout()).Version;
        var suspecter = NewSiloAddress();
        var suspectedAt = Truncate(DateTime.UtcNow);
        entry.SuspectTimes = [Tuple.Create(suspecter, suspectedAt)];
        Assert.True(await table.UpdateRowAsync(entry, version.VersionEtag, version.Next()).DefaultTimeout());
        var heartbeat = Truncate(DateTime.UtcNow.AddSeconds(5));
        entry.IAmAliveTime = heartbeat;
        await table.UpdateIAmAliveAsync(entry).DefaultTimeout();

        var read = await table.ReadRowAsync(entry.SiloAddress).DefaultTimeout();
        var (stored, _) = Assert.Single(read.Members);
        Assert.Equal(entry.SiloAddress, stored.SiloAddress);
        Assert.Equal(entry.SiloName, stored.SiloName);
        Assert.Equal(entry.HostName, stored.HostName);
        Assert.Equal(SiloStatus.Active, stored.Status);
        Assert.Equal(entry.ProxyPort, stored.ProxyPort);
        Assert.Equal(entry.StartTime, stored.StartTime);
        Assert.Equal(heartbeat, stored.IAmAliveTime);
        Assert.NotNull(stored.SuspectTimes);
        var suspicion = Assert.Single(stored.SuspectTimes);
        Assert.Equal(suspecter, suspicion.Item1);
        Assert.Equal(suspectedAt, suspicion.Item2);

        // The heartbeat is not versioned.
        Assert.Equal(version.Next().Version, read.Version.Version);

        // Clients find the active silo's gateway.
        var gatewayList = CreateGatewayListProvider(schema.ConnectionString);
        await gatewayList.InitializeGatewayListProviderAsync().DefaultTimeout();
        var gateways = await gatewayList.GetGatewaysAsync().DefaultTimeout();
        var gateway = Assert.Single(gateways);
        Assert.Equal(entry.ProxyPort, gateway.Port);
    }

    [Fact]
    public async Task Concurrent_membership_writes_on_one_version_let_exactly_one_through()
    {
        await using var schema = await SchemaTestCluster.CreateInstalledSchemaAsync();
        var tables = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => CreateTableAsync(schema.ConnectionString))).DefaultTimeout();
        var v0 = (await tables[0].ReadAllAsync().DefaultTimeout()).Version;

        var inserts = await Task.WhenAll(tables.Select(t => Task.Run(() => t.InsertRowAsync(NewEntry(SiloStatus.Joining), v0.Next())))).DefaultTimeout();

        Assert.Single(inserts, inserted => inserted);
        var afterInserts = await tables[0].ReadAllAsync().DefaultTimeout();
        Assert.Equal(1, afterInserts.Version.Version);
        var (member, etag) = Assert.Single(afterInserts.Members);

        var updates = await Task.WhenAll(tables.Select(t => Task.Run(() =>
        {
            var entry = NewEntry(SiloStatus.Active);
            entry.SiloAddress = member.SiloAddress;
            return t.UpdateRowAsync(entry, etag, afterInserts.Version.Next());
        }))).DefaultTimeout();

        Assert.Single(updates, updated => updated);
        Assert.Equal(2, (await tables[0].ReadAllAsync().DefaultTimeout()).Version.Version);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Defunct_silo_cleanup_removes_dead_silos_only(bool withPerRowQuery)
    {
        await using var schema = await SchemaTestCluster.CreateInstalledSchemaAsync();
        if (!withPerRowQuery)
        {
            // Without the optional per-row query 10.4.2 runs CleanupDefunctSiloEntriesKey.
            await using var database = NpgsqlDataSource.Create(schema.ConnectionString);
            await using var command = database.CreateCommand("DELETE FROM OrleansQuery WHERE QueryKey = 'CleanupDefunctSiloEntryKey'");
            Assert.Equal(1, await command.ExecuteNonQueryAsync().DefaultTimeout());
        }

        var table = await CreateTableAsync(schema.ConnectionString);
        var dead = NewEntry(SiloStatus.Dead);
        var active = NewEntry(SiloStatus.Active);
        foreach (var entry in new[] { dead, active })
        {
            var version = (await table.ReadAllAsync().DefaultTimeout()).Version;
            Assert.True(await table.InsertRowAsync(entry, version.Next()).DefaultTimeout());
        }

        await table.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddMinutes(-1)).DefaultTimeout();
        Assert.Equal(2, (await table.ReadAllAsync().DefaultTimeout()).Members.Count);

        await table.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddMinutes(1)).DefaultTimeout();
        var (left, _) = Assert.Single((await table.ReadAllAsync().DefaultTimeout()).Members);
        Assert.Equal(active.SiloAddress, left.SiloAddress);
    }

    [Fact]
    public async Task Deleting_the_cluster_removes_its_version_and_silos()
    {
        await using var schema = await SchemaTestCluster.CreateInstalledSchemaAsync();
        var table = await CreateTableAsync(schema.ConnectionString);
        var other = await CreateTableAsync(schema.ConnectionString, clusterId: "other-cluster");
        foreach (var t in new[] { table, other })
        {
            var version = (await t.ReadAllAsync().DefaultTimeout()).Version;
            Assert.True(await t.InsertRowAsync(NewEntry(SiloStatus.Active), version.Next()).DefaultTimeout());
        }

        await table.DeleteMembershipTableEntriesAsync(ClusterId).DefaultTimeout();

        var gone = await table.ReadAllAsync().DefaultTimeout();
        Assert.Empty(gone.Members);
        Assert.Equal(0, gone.Version.Version);
        Assert.Single((await other.ReadAllAsync().DefaultTimeout()).Members);
    }

    private const string ClusterId = "schema-test-cluster";

    private static async Task<AdoNetClusteringTable> CreateTableAsync(string connectionString, bool initialize = true, string clusterId = ClusterId)
    {
        var table = new AdoNetClusteringTable(
            new ServiceCollection().BuildServiceProvider(),
            Options.Create(new ClusterOptions { ClusterId = clusterId, ServiceId = "schema-test" }),
            Options.Create(new AdoNetClusteringSiloOptions { Invariant = SchemaTestCluster.Invariant, ConnectionString = connectionString }),
            NullLogger<AdoNetClusteringTable>.Instance);
        if (initialize)
        {
            await table.InitializeMembershipTableAsync(tryInitTableVersion: true).DefaultTimeout();
        }
        else
        {
            // Reads the queries without creating the version row.
            await table.InitializeMembershipTableAsync(tryInitTableVersion: false).DefaultTimeout();
        }

        return table;
    }

    private static AdoNetGatewayListProvider CreateGatewayListProvider(string connectionString) =>
        new(
            NullLogger<AdoNetGatewayListProvider>.Instance,
            new ServiceCollection().BuildServiceProvider(),
            Options.Create(new AdoNetClusteringClientOptions { Invariant = SchemaTestCluster.Invariant, ConnectionString = connectionString }),
            Options.Create(new GatewayOptions()),
            Options.Create(new ClusterOptions { ClusterId = ClusterId, ServiceId = "schema-test" }));

    private static MembershipEntry NewEntry(SiloStatus status)
    {
        var now = Truncate(DateTime.UtcNow);
        var address = NewSiloAddress();
        return new MembershipEntry
        {
            SiloAddress = address,
            SiloName = "silo-" + address.Endpoint.Port,
            HostName = "host-" + address.Endpoint.Port,
            Status = status,
            ProxyPort = address.Endpoint.Port + 1,
            StartTime = now,
            IAmAliveTime = now,
        };
    }

    private static SiloAddress NewSiloAddress() =>
        SiloAddress.New(new IPEndPoint(IPAddress.Loopback, Random.Shared.Next(10_000, 60_000)), Random.Shared.Next(1, int.MaxValue));

    // PostgreSQL keeps microseconds; Orleans' suspect times keep milliseconds.
    private static DateTime Truncate(DateTime time) => new(time.Ticks - (time.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
}
