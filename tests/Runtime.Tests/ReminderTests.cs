using Rides.Runtime.Hosting;
using Rides.Runtime.Postgres;
using Rides.Runtime.Testing;
using Rides.Runtime.Tests.Grains;
using Rides.TestInfrastructure;

namespace Rides.Runtime.Tests;

public sealed class ReminderTests
{
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task A_reminder_fires_after_the_grain_is_deactivated()
    {
        var time = new ManualTimeProvider();
        var (cluster, probe, _) = await ClusterFactory.StartAsync(time: time);
        await using var _ = cluster;
        var grain = cluster.GrainFactory.GetGrain<IReminderGrain>("r1");
        await grain.Schedule(TimeSpan.FromMinutes(2), Period).DefaultTimeout();
        await grain.Deactivate().DefaultTimeout();
        await WaitUntil(() => cluster.Primary.Statistics.ActivationCount == 0);

        time.Advance(TimeSpan.FromMinutes(1));
        Assert.False(probe.HasSignal("reminder:r1:tick"));
        time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));

        var firedAt = await probe.WaitFor("reminder:r1:tick").DefaultTimeout();
        Assert.Equal(new ManualTimeProvider().GetUtcNow() + TimeSpan.FromMinutes(2), DateTimeOffset.Parse(firedAt, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1, cluster.Primary.Statistics.ActivationCount);
    }

    [Fact]
    public async Task A_reminder_fires_after_a_silo_restart_from_PostgreSQL()
    {
        await using var schema = await PostgresServer.Shared.CreateTestSchemaAsync();
        var time = new ManualTimeProvider();
        var (cluster, probe, _) = await ClusterFactory.StartAsync(silo => silo.UsePostgresReminderService(schema.ConnectionString), time);
        await using var _ = cluster;
        await cluster.GrainFactory.GetGrain<IReminderGrain>("r2").Schedule(TimeSpan.FromMinutes(5), Period).DefaultTimeout();

        await cluster.KillSiloAsync(cluster.Primary).DefaultTimeout();
        var (restartedCluster, restartedProbe, _) = await ClusterFactory.StartAsync(silo => silo.UsePostgresReminderService(schema.ConnectionString), time);
        await using var __ = restartedCluster;
        time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        await restartedProbe.WaitFor("reminder:r2:tick").DefaultTimeout();
        Assert.False(probe.HasSignal("reminder:r2:tick"));
    }

    [Fact]
    public async Task An_unregistered_reminder_does_not_fire()
    {
        var time = new ManualTimeProvider();
        var (cluster, probe, _) = await ClusterFactory.StartAsync(time: time);
        await using var _ = cluster;
        var grain = cluster.GrainFactory.GetGrain<IReminderGrain>("r3");
        await grain.Schedule(TimeSpan.FromMinutes(1), Period).DefaultTimeout();
        await grain.Cancel().DefaultTimeout();

        time.Advance(TimeSpan.FromMinutes(3));
        await cluster.GrainFactory.GetGrain<ICounterGrain>("flush").Entered().DefaultTimeout();

        Assert.False(probe.HasSignal("reminder:r3:tick"));
        Assert.Equal(0, cluster.Primary.Statistics.ReminderCount);
    }

    [Fact]
    public async Task A_reminder_period_below_the_minimum_is_refused()
    {
        var (cluster, _, _) = await ClusterFactory.StartAsync(silo => silo.Configure<ReminderOptions>(o => o.MinimumPeriod = TimeSpan.FromMinutes(1)));
        await using var _ = cluster;

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => cluster.GrainFactory.GetGrain<IReminderGrain>("r4").Schedule(TimeSpan.Zero, TimeSpan.FromSeconds(5))).DefaultTimeout();
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        using var cts = new CancellationTokenSource(TaskTimeoutExtensions.DefaultTimeoutSpan);
        while (!condition())
        {
            await Task.Delay(5, cts.Token);
        }
    }
}
