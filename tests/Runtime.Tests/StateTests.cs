using Rides.Runtime.Postgres;
using Rides.Runtime.Storage;
using Rides.Runtime.Tests.Grains;
using Rides.TestInfrastructure;

namespace Rides.Runtime.Tests;

public sealed class StateTests
{
    [Fact]
    public async Task State_survives_deactivation_and_reactivation_through_PostgreSQL()
    {
        await using var schema = await PostgresServer.Shared.CreateTestSchemaAsync();
        var (cluster, probe, _) = await ClusterFactory.StartAsync(silo => silo.AddPostgresGrainStorageAsDefault(schema.ConnectionString));
        await using var _ = cluster;
        var grain = cluster.GrainFactory.GetGrain<IStatefulGrain>("s1");

        await grain.Add(5, "first").DefaultTimeout();
        await grain.Add(7, "second").DefaultTimeout();
        await grain.Deactivate().DefaultTimeout();
        await probe.WaitFor("deactivate:s1").DefaultTimeout();

        var state = await grain.Get().DefaultTimeout();
        Assert.Equal(2, await grain.Activations().DefaultTimeout());
        Assert.Equal(12, state.Value);
        Assert.Equal(["first", "second"], state.History);
    }

    [Fact]
    public async Task State_survives_a_silo_restart_through_PostgreSQL()
    {
        await using var schema = await PostgresServer.Shared.CreateTestSchemaAsync();
        var (cluster, _, _) = await ClusterFactory.StartAsync(silo => silo.AddPostgresGrainStorageAsDefault(schema.ConnectionString));
        await using var _ = cluster;
        await cluster.GrainFactory.GetGrain<IStatefulGrain>("s1").Add(3, "x").DefaultTimeout();

        await cluster.RestartSiloAsync(cluster.Primary).DefaultTimeout();

        Assert.Equal(3, (await cluster.GrainFactory.GetGrain<IStatefulGrain>("s1").Get().DefaultTimeout()).Value);
    }

    [Fact]
    public async Task A_stale_write_is_refused_and_the_newer_state_is_kept()
    {
        await using var schema = await PostgresServer.Shared.CreateTestSchemaAsync();
        var (cluster, _, _) = await ClusterFactory.StartAsync(silo => silo.AddPostgresGrainStorageAsDefault(schema.ConnectionString));
        await using var _ = cluster;
        var grain = cluster.GrainFactory.GetGrain<IStatefulGrain>("s1");
        await grain.Add(1, "mine").DefaultTimeout();

        // Another activation (a second silo during a membership change) writes first.
        var storage = Microsoft.Extensions.DependencyInjection.ServiceProviderKeyedServiceExtensions
            .GetRequiredKeyedService<IGrainStorage>(cluster.Primary.Services, ProviderConstants.DefaultStorageProviderName);
        var other = new GrainState<CounterState>(new CounterState());
        var id = ((IGrainReference)grain).GrainId;
        await storage.ReadStateAsync("counter", id, other).DefaultTimeout();
        other.State.Value = 100;
        other.State.History.Add("theirs");
        await storage.WriteStateAsync("counter", id, other).DefaultTimeout();

        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.Add(1, "stale")).DefaultTimeout();

        var stored = new GrainState<CounterState>(new CounterState());
        await storage.ReadStateAsync("counter", id, stored).DefaultTimeout();
        Assert.Equal(100, stored.State.Value);
        Assert.Equal(["mine", "theirs"], stored.State.History);
    }

    [Fact]
    public async Task Graceful_shutdown_deactivates_every_activation_and_writes_state()
    {
        await using var schema = await PostgresServer.Shared.CreateTestSchemaAsync();
        var (cluster, probe, _) = await ClusterFactory.StartAsync(silo => silo.AddPostgresGrainStorageAsDefault(schema.ConnectionString));
        await using var _ = cluster;
        for (var i = 0; i < 3; i++)
        {
            await cluster.GrainFactory.GetGrain<IStatefulGrain>($"g{i}").SetInMemoryOnly(10 + i).DefaultTimeout();
        }

        var restarted = await cluster.RestartSiloAsync(cluster.Primary).DefaultTimeout();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("ShuttingDown", await probe.WaitFor($"deactivate:g{i}").DefaultTimeout());
            Assert.Equal(10 + i, (await cluster.GrainFactory.GetGrain<IStatefulGrain>($"g{i}").Get().DefaultTimeout()).Value);
        }

        Assert.Equal(3, restarted.Statistics.ActivationCount);
    }

    [Fact]
    public async Task Memory_storage_checks_etags_as_PostgreSQL_does()
    {
        var store = new MemoryStorageStore();
        var storage = new MemoryGrainStorage(store, new Serialization.JsonWireSerializer());
        var id = new GrainId("t", "1");
        var first = new GrainState<CounterState>(new CounterState { Value = 1 });
        var second = new GrainState<CounterState>(new CounterState { Value = 2 });

        await storage.WriteStateAsync("s", id, first);
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("s", id, second));
        await storage.ReadStateAsync("s", id, second);
        second.State.Value = 3;
        await storage.WriteStateAsync("s", id, second);
        first.State.Value = 4;
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("s", id, first));

        var read = new GrainState<CounterState>(new CounterState());
        await storage.ReadStateAsync("s", id, read);
        Assert.Equal((3, "2"), (read.State.Value, read.ETag));

        // Cleared and written again: the ETag from before the clear never matches again.
        var staleAfterClear = new GrainState<CounterState>(new CounterState()) { ETag = "2" };
        await storage.ClearStateAsync("s", id, read);
        await storage.WriteStateAsync("s", id, read);
        Assert.Equal("4", read.ETag);
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("s", id, staleAfterClear));
    }
}
