using Microsoft.Extensions.DependencyInjection;
using Rides.TestInfrastructure;

namespace Rides.Silo.Tests.Schema;

/// <summary>What the schema keeps across a silo's restart: grain state, reminders, membership.</summary>
public sealed class SiloRestartTests
{
    [Fact]
    public async Task Grain_state_survives_a_silo_restart()
    {
        await using var cluster = await SchemaTestCluster.StartAsync();
        var key = SchemaTestCluster.NewStringKey();
        var grain = cluster.Cluster.Client.GetGrain<ISchemaStateGrain>(key);
        await grain.SetAsync("cleared").DefaultTimeout();
        await grain.ClearAsync().DefaultTimeout();
        await grain.SetAsync("kept").DefaultTimeout();

        var restarted = await cluster.RestartAsync(Assert.Single(cluster.Cluster.Silos));

        // A new activation on the new silo, which can only know the value from the database.
        var factory = cluster.Services(restarted).GetRequiredService<IGrainFactory>();
        Assert.Equal("kept", await factory.GetGrain<ISchemaStateGrain>(key).GetAsync().DefaultTimeout());
    }

    [Fact]
    public async Task Reminder_fires_again_after_its_silo_restarts()
    {
        await using var cluster = await SchemaTestCluster.StartAsync();
        var key = SchemaTestCluster.NewStringKey();
        var before = Assert.Single(cluster.Cluster.Silos);
        using var ticks = new CancellationTokenSource(SchemaTestCluster.TickTimeout);
        await cluster.Cluster.Client.GetGrain<ISchemaReminderGrain>(key).StartAsync(TimeSpan.FromSeconds(1)).DefaultTimeout();
        await SchemaReminderTicks.WaitForTickOnAsync(key, before.SiloAddress, ticks.Token).TimeoutAfter(SchemaTestCluster.TickTimeout);

        var after = await cluster.RestartAsync(before);

        // The new silo knows the reminder only from the reminder table.
        using var ticksAfter = new CancellationTokenSource(SchemaTestCluster.TickTimeout);
        await SchemaReminderTicks.WaitForTickOnAsync(key, after.SiloAddress, ticksAfter.Token).TimeoutAfter(SchemaTestCluster.TickTimeout);
    }

    [Fact]
    public async Task Stopped_silo_is_dead_and_live_silo_is_active_in_the_membership_table()
    {
        await using var cluster = await SchemaTestCluster.StartAsync(silos: 2);
        var live = cluster.Cluster.Silos[0];
        var stopped = cluster.Cluster.Silos[1];

        await cluster.Cluster.StopSiloAsync(stopped).TimeoutAfter(SchemaTestCluster.SiloTimeout);

        var rows = await cluster.ReadMembershipAsync();
        Assert.Equal(2, rows.Count);
        Assert.Equal(6, Assert.Single(rows, r => r.Is(stopped.SiloAddress)).Status);
        Assert.Equal(3, Assert.Single(rows, r => r.Is(live.SiloAddress)).Status);

        // Orleans' cleanup of defunct silos removes the dead silo's row, and only that.
        var table = cluster.Services(live).GetRequiredService<IMembershipTable>();
        await table.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddMinutes(1)).DefaultTimeout();
        Assert.True(Assert.Single(await cluster.ReadMembershipAsync()).Is(live.SiloAddress));
    }
}
