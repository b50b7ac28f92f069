using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.MembershipService;
using Orleans.Storage;
using Rides.TestInfrastructure;

namespace Rides.Silo.Tests.Schema;

/// <summary>A silo on the schema, and Orleans' ADO.NET grain storage on it.</summary>
public sealed class GrainStorageTests
{
    [Fact]
    public async Task Silo_starts_on_the_schema_with_ado_net_clustering_storage_and_reminders()
    {
        await using var cluster = await SchemaTestCluster.StartAsync();
        var silo = Assert.Single(cluster.Cluster.Silos);
        var services = cluster.Services(silo);
        var key = SchemaTestCluster.NewStringKey();

        // The providers really are the ADO.NET ones (and they found their queries, or the silo
        // would not have started).
        Assert.IsType<AdoNetClusteringTable>(services.GetRequiredService<IMembershipTable>());
        Assert.Equal("AdoNetReminderTable", services.GetRequiredService<IReminderTable>().GetType().Name);
        Assert.IsType<AdoNetGrainStorage>(cluster.Storage(SchemaTestCluster.DefaultStorage));
        var row = Assert.Single(await cluster.ReadMembershipAsync());
        Assert.True(row.Is(silo.SiloAddress));
        Assert.Equal(3, row.Status);

        var grain = cluster.Cluster.Client.GetGrain<ISchemaStateGrain>(key);
        await grain.SetAsync("hello").DefaultTimeout();
        Assert.Equal("hello", await grain.GetAsync().DefaultTimeout());
        Assert.Equal(1L, await cluster.ScalarAsync<long>(
            "SELECT count(*) FROM orleans_grain_state WHERE state_name = $1 AND grain_id_extension = $2 AND payload IS NOT NULL",
            SchemaStateGrain.StateName,
            key));

        using var ticks = new CancellationTokenSource(SchemaTestCluster.TickTimeout);
        await cluster.Cluster.Client.GetGrain<ISchemaReminderGrain>(key).StartAsync(TimeSpan.FromSeconds(1)).DefaultTimeout();
        await SchemaReminderTicks.WaitForTickOnAsync(key, silo.SiloAddress, ticks.Token).TimeoutAfter(SchemaTestCluster.TickTimeout);
        Assert.Equal(1L, await cluster.ScalarAsync<long>(
            "SELECT count(*) FROM orleans_reminder WHERE reminder_name = $1 AND grain_id LIKE '%' || $2",
            SchemaReminderGrain.ReminderName,
            key));
    }

    [Fact]
    public async Task Stale_etag_write_fails_and_leaves_the_newer_state()
    {
        await using var cluster = await SchemaTestCluster.StartAsync();
        var storage = cluster.Storage(SchemaTestCluster.DefaultStorage);

        foreach (var (kind, grainId) in GrainIdsOfEveryKind())
        {
            var stateName = "stale-" + kind;
            var first = new GrainState<SchemaTestState>(new SchemaTestState());
            var second = new GrainState<SchemaTestState>(new SchemaTestState());
            await storage.ReadStateAsync(stateName, grainId, first).DefaultTimeout();
            await storage.ReadStateAsync(stateName, grainId, second).DefaultTimeout();
            Assert.Null(first.ETag);
            Assert.False(first.RecordExists);

            // Both found no state; the first write wins, the second must not overwrite it.
            first.State = new SchemaTestState { Value = "first" };
            await storage.WriteStateAsync(stateName, grainId, first).DefaultTimeout();
            second.State = new SchemaTestState { Value = "lost race" };
            await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(stateName, grainId, second).DefaultTimeout());

            // Both hold the same version; one writes, so the other's ETag is stale.
            await storage.ReadStateAsync(stateName, grainId, second).DefaultTimeout();
            Assert.Equal(first.ETag, second.ETag);
            first.State = new SchemaTestState { Value = "newer" };
            await storage.WriteStateAsync(stateName, grainId, first).DefaultTimeout();
            Assert.NotEqual(second.ETag, first.ETag);
            second.State = new SchemaTestState { Value = "stale" };
            await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(stateName, grainId, second).DefaultTimeout());
            await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(stateName, grainId, second).DefaultTimeout());

            var stored = new GrainState<SchemaTestState>(new SchemaTestState());
            await storage.ReadStateAsync(stateName, grainId, stored).DefaultTimeout();
            Assert.Equal("newer", stored.State?.Value);
            Assert.Equal(first.ETag, stored.ETag);
            Assert.True(stored.RecordExists);
            Assert.Equal(1L, await cluster.ScalarAsync<long>("SELECT count(*) FROM orleans_grain_state WHERE state_name = $1", stateName));
        }
    }

    [Fact]
    public async Task Clear_then_write_works_whether_clear_keeps_or_deletes_the_row()
    {
        await using var cluster = await SchemaTestCluster.StartAsync();

        foreach (var storageName in new[] { SchemaTestCluster.DefaultStorage, SchemaTestCluster.DeletingStorage })
        {
            var storage = cluster.Storage(storageName);
            var deletes = storageName == SchemaTestCluster.DeletingStorage;
            foreach (var (kind, grainId) in GrainIdsOfEveryKind())
            {
                var stateName = $"clear-{storageName}-{kind}";
                var state = new GrainState<SchemaTestState>(new SchemaTestState());
                await storage.ReadStateAsync(stateName, grainId, state).DefaultTimeout();
                state.State = new SchemaTestState { Value = "before" };
                await storage.WriteStateAsync(stateName, grainId, state).DefaultTimeout();
                var written = state.ETag;

                await storage.ClearStateAsync(stateName, grainId, state).DefaultTimeout();
                Assert.False(state.RecordExists);
                Assert.Null(state.State?.Value);
                var rows = await cluster.ScalarAsync<long>("SELECT count(*) FROM orleans_grain_state WHERE state_name = $1", stateName);
                if (deletes)
                {
                    Assert.Null(state.ETag);
                    Assert.Equal(0L, rows);
                }
                else
                {
                    Assert.NotNull(state.ETag);
                    Assert.NotEqual(written, state.ETag);
                    Assert.Equal(1L, rows);
                    var cleared = new GrainState<SchemaTestState>(new SchemaTestState());
                    await storage.ReadStateAsync(stateName, grainId, cleared).DefaultTimeout();
                    Assert.False(cleared.RecordExists);
                    Assert.Equal(state.ETag, cleared.ETag);
                }

                state.State = new SchemaTestState { Value = "after" };
                await storage.WriteStateAsync(stateName, grainId, state).DefaultTimeout();

                var stored = new GrainState<SchemaTestState>(new SchemaTestState());
                await storage.ReadStateAsync(stateName, grainId, stored).DefaultTimeout();
                Assert.True(stored.RecordExists);
                Assert.Equal("after", stored.State?.Value);
                Assert.Equal(state.ETag, stored.ETag);
                Assert.NotEqual(written, stored.ETag);
            }
        }
    }

    [Fact]
    public async Task Grain_keys_are_stored_in_the_layout_of_orleans_10_4_2()
    {
        // Stored rows are found again only while Orleans lays keys out the same way; an upgrade
        // that changes this orphans every stored state, so this pins it.
        await using var cluster = await SchemaTestCluster.StartAsync();
        var storage = cluster.Storage(SchemaTestCluster.DefaultStorage);
        var type = GrainType.Create("schema-test");
        var stringKey = SchemaTestCluster.NewStringKey();
        var guid = Guid.NewGuid();
        var guidBytes = guid.ToByteArray();
        (string Kind, GrainId Id, long N0, long N1, string? Extension)[] cases =
        [
            ("string", GrainId.Create(type, IdSpan.Create(stringKey)), 0, 0, stringKey),
            ("guid", GrainId.Create(type, GrainIdKeyExtensions.CreateGuidKey(guid)), BitConverter.ToInt64(guidBytes, 0), BitConverter.ToInt64(guidBytes, 8), null),
            ("integer", GrainId.Create(type, GrainIdKeyExtensions.CreateIntegerKey(42)), 0, 42, null),
            ("integer-compound", GrainId.Create(type, GrainIdKeyExtensions.CreateIntegerKey(42, "ext")), 0, 42, "ext"),

            // A string key made of hex digits reads as an integer key: "00DEADBEEF", "deadbeef"
            // and "DEADBEEF" are one grain to this provider.
            ("hex-string", GrainId.Create(type, IdSpan.Create("00DEADBEEF")), 0, 0xDEADBEEF, null),
        ];

        foreach (var (kind, grainId, n0, n1, extension) in cases)
        {
            var stateName = "layout-" + kind;
            await storage.WriteStateAsync(stateName, grainId, new GrainState<SchemaTestState>(new SchemaTestState { Value = kind })).DefaultTimeout();
            Assert.Equal(1L, await cluster.ScalarAsync<long>(
                "SELECT count(*) FROM orleans_grain_state WHERE state_name = $1 AND grain_id_n0 = $2 AND grain_id_n1 = $3 AND grain_id_extension IS NOT DISTINCT FROM $4::text",
                stateName,
                n0,
                n1,
                (object?)extension ?? DBNull.Value));
        }

        var sameGrain = new GrainState<SchemaTestState>(new SchemaTestState());
        await storage.ReadStateAsync("layout-hex-string", GrainId.Create(type, IdSpan.Create("deadbeef")), sameGrain).DefaultTimeout();
        Assert.Equal("hex-string", sameGrain.State?.Value);
    }

    /// <summary>
    /// One grain id per way the provider lays a key out: a string key (all in the extension
    /// column, N0 = N1 = 0), Guid and integer keys (in N0/N1, extension NULL), and compound
    /// keys (both).
    /// </summary>
    private static IEnumerable<(string Kind, GrainId Id)> GrainIdsOfEveryKind()
    {
        var type = GrainType.Create("schema-test");
        var guid = Guid.NewGuid();
        var number = Random.Shared.NextInt64();
        yield return ("string", GrainId.Create(type, IdSpan.Create(SchemaTestCluster.NewStringKey())));
        yield return ("guid", GrainId.Create(type, GrainIdKeyExtensions.CreateGuidKey(guid)));
        yield return ("guid-compound", GrainId.Create(type, GrainIdKeyExtensions.CreateGuidKey(guid, "ext")));
        yield return ("integer", GrainId.Create(type, GrainIdKeyExtensions.CreateIntegerKey(number)));
        yield return ("integer-compound", GrainId.Create(type, GrainIdKeyExtensions.CreateIntegerKey(number, "ext")));
    }
}
