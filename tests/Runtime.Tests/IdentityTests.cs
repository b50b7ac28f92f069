using Rides.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Rides.Runtime.Membership;
using Rides.Runtime.Postgres;
using Rides.Runtime.Storage;
using Rides.Runtime.Tests.Grains;
using Rides.TestInfrastructure;

namespace Rides.Runtime.Tests;

public sealed class IdentityTests
{
    [Fact]
    public async Task Guid_and_integer_keys_address_their_grains()
    {
        var (cluster, _, _) = await ClusterFactory.StartAsync();
        await using var _ = cluster;
        var guid = Guid.NewGuid();

        Assert.Equal(guid, await cluster.GrainFactory.GetGrain<IGuidKeyGrain>(guid).Key().DefaultTimeout());
        Assert.Equal(-42L, await cluster.GrainFactory.GetGrain<IIntegerKeyGrain>(-42).Key().DefaultTimeout());
        Assert.Equal(new GrainId("integerkey", "-42"), ((IGrainReference)cluster.GrainFactory.GetGrain<IIntegerKeyGrain>(-42)).GrainId);
    }

    [Fact]
    public void A_grain_id_round_trips_through_its_string_form_and_hashes_the_same_everywhere()
    {
        var id = new GrainId("ride", "r/1");

        Assert.Equal(id, GrainId.Parse(id.ToString()));
        Assert.Equal(id.GetUniformHashCode(), new GrainId("ride", "r/1").GetUniformHashCode());
        Assert.NotEqual(id.GetUniformHashCode(), new GrainId("ride", "r/2").GetUniformHashCode());
        Assert.Throws<FormatException>(() => GrainId.Parse("no-slash"));
    }

    [Fact]
    public async Task Named_storage_providers_keep_each_state_where_the_grain_asks()
    {
        await using var schema = await PostgresServer.Shared.CreateTestSchemaAsync();
        var (cluster, _, _) = await ClusterFactory.StartAsync(silo => silo.AddMemoryGrainStorage("memory").AddPostgresGrainStorage("postgres", schema.ConnectionString));
        await using var _ = cluster;
        var grain = cluster.GrainFactory.GetGrain<ITwoStoresGrain>("two");

        await grain.Set(7).DefaultTimeout();

        var id = ((IGrainReference)grain).GrainId;
        var memory = new GrainState<CounterState>(new CounterState());
        var postgres = new GrainState<CounterState>(new CounterState());
        await cluster.Primary.Services.GetRequiredKeyedService<IGrainStorage>("memory").ReadStateAsync("fast", id, memory).DefaultTimeout();
        await cluster.Primary.Services.GetRequiredKeyedService<IGrainStorage>("postgres").ReadStateAsync("durable", id, postgres).DefaultTimeout();
        Assert.Equal((7, 70), (memory.State.Value, postgres.State.Value));
        var notInMemory = new GrainState<CounterState>(new CounterState());
        await cluster.Primary.Services.GetRequiredKeyedService<IGrainStorage>("memory").ReadStateAsync("durable", id, notInMemory).DefaultTimeout();
        Assert.False(notInMemory.RecordExists);
    }

    [Fact]
    public async Task A_silo_joins_the_membership_table_as_active_and_leaves_it_dead()
    {
        await using var schema = await PostgresServer.Shared.CreateTestSchemaAsync();
        var (cluster, _, _) = await ClusterFactory.StartAsync(silo => silo.UsePostgresClustering(schema.ConnectionString));
        await using var _ = cluster;
        var table = cluster.Primary.Services.GetRequiredService<IMembershipTable>();

        var joined = await table.ReadAllAsync().DefaultTimeout();
        Assert.Equal(SiloStatus.Active, Assert.Single(joined.Entries).Status);
        Assert.Equal(cluster.Primary.Name, joined.Entries[0].SiloName);

        await cluster.StopSiloAsync(cluster.Primary).DefaultTimeout();
        await using var dataSource = Npgsql.NpgsqlDataSource.Create(schema.ConnectionString);
        var left = await new Rides.Runtime.Postgres.Membership.PostgresMembershipTable(dataSource).ReadAllAsync().DefaultTimeout();
        Assert.Equal(SiloStatus.Dead, Assert.Single(left.Entries).Status);
        Assert.Equal(joined.Version + 1, left.Version);
    }
}
