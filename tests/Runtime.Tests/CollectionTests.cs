using Rides.Runtime.Hosting;
using Rides.Runtime.Testing;
using Rides.Runtime.Tests.Grains;
using Rides.TestInfrastructure;

namespace Rides.Runtime.Tests;

public sealed class CollectionTests
{
    [Fact]
    public async Task An_idle_activation_is_collected_after_the_configured_age_and_not_before()
    {
        var time = new ManualTimeProvider();
        var (cluster, probe, _) = await StartWithTenMinuteAgeAsync(time);
        await using var _ = cluster;
        var grain = cluster.GrainFactory.GetGrain<IStatefulGrain>("idle");
        await grain.Add(1, "x").DefaultTimeout();

        time.Advance(TimeSpan.FromMinutes(9));
        Assert.False(probe.HasSignal("deactivate:idle"));
        Assert.Equal(1, cluster.Primary.Statistics.ActivationCount);

        time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal("ActivationIdle", await probe.WaitFor("deactivate:idle").DefaultTimeout());
    }

    [Fact]
    public async Task A_call_resets_the_idle_age()
    {
        var time = new ManualTimeProvider();
        var (cluster, probe, _) = await StartWithTenMinuteAgeAsync(time);
        await using var _ = cluster;
        var grain = cluster.GrainFactory.GetGrain<IStatefulGrain>("busy");
        await grain.Add(1, "x").DefaultTimeout();

        time.Advance(TimeSpan.FromMinutes(8));
        await grain.Get().DefaultTimeout();
        time.Advance(TimeSpan.FromMinutes(8));

        Assert.False(probe.HasSignal("deactivate:busy"));
        Assert.Equal(1, await grain.Activations().DefaultTimeout());
    }

    [Fact]
    public async Task Timer_ticks_run_as_turns_and_stop_with_the_activation()
    {
        var time = new ManualTimeProvider();
        var (cluster, probe, _) = await ClusterFactory.StartAsync(time: time);
        await using var _ = cluster;
        var grain = cluster.GrainFactory.GetGrain<IMiscGrain>("timer");
        await grain.StartTimer(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)).DefaultTimeout();

        time.Advance(TimeSpan.FromSeconds(1));
        await probe.WaitFor("timer:1").DefaultTimeout();
        Assert.Equal(1, await grain.Ticks().DefaultTimeout()); // a request runs after the tick's turn: the next tick is armed
        time.Advance(TimeSpan.FromSeconds(1));
        await probe.WaitFor("timer:2").DefaultTimeout();
        Assert.Equal(2, await grain.Ticks().DefaultTimeout());
        var timersBefore = time.ActiveTimers;

        await cluster.Primary.Services.GetRequiredActivation(grain).DefaultTimeout();

        Assert.Equal(timersBefore - 1, time.ActiveTimers);
        Assert.False(probe.HasSignal("timer:interleaved"));
    }

    private static Task<(Testing.TestCluster Cluster, Probe Probe, Gates Gates)> StartWithTenMinuteAgeAsync(ManualTimeProvider time) =>
        ClusterFactory.StartAsync(
            silo => silo.Configure<GrainCollectionOptions>(o =>
            {
                o.CollectionAge = TimeSpan.FromMinutes(10);
                o.CollectionQuantum = TimeSpan.FromMinutes(1);
            }),
            time);
}
