using Rides.Runtime.Hosting;
using Rides.Runtime.Tests.Grains;
using Rides.TestInfrastructure;

namespace Rides.Runtime.Tests;

public sealed class TurnTests
{
    [Fact]
    public async Task A_thousand_concurrent_calls_to_one_grain_never_interleave()
    {
        var (cluster, _, _) = await ClusterFactory.StartAsync();
        await using var _ = cluster;
        var grain = cluster.GrainFactory.GetGrain<ICounterGrain>("one");

        var results = await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => grain.Enter())).DefaultTimeout();

        Assert.Equal(1, await grain.MaxConcurrency().DefaultTimeout());
        Assert.Equal(1000, await grain.Entered().DefaultTimeout());
        Assert.Equal(Enumerable.Range(1, 1000), results.Order());
    }

    [Fact]
    public async Task A_second_call_waits_until_the_first_completes_across_its_awaits()
    {
        var (cluster, probe, gates) = await ClusterFactory.StartAsync();
        await using var _ = cluster;
        var grain = cluster.GrainFactory.GetGrain<IGateGrain>("g");

        var first = grain.Block("a");
        await probe.WaitFor("a:started").DefaultTimeout();
        var second = grain.Plain("b");
        await Task.Delay(50);
        Assert.False(probe.HasSignal("b:ran"));

        gates.Open("a");
        await first.DefaultTimeout();
        Assert.Equal("b", await second.DefaultTimeout());
        Assert.Equal(["a:started", "a:done", "b:ran"], probe.Log.ToArray());
    }

    [Fact]
    public async Task An_always_interleave_method_runs_while_another_call_is_blocked()
    {
        var (cluster, probe, gates) = await ClusterFactory.StartAsync();
        await using var _ = cluster;
        var grain = cluster.GrainFactory.GetGrain<IGateGrain>("g");

        var blocked = grain.Block("a");
        await probe.WaitFor("a:started").DefaultTimeout();
        Assert.Equal("x", await grain.Interleaving("x").DefaultTimeout());
        Assert.False(blocked.IsCompleted);

        gates.Open("a");
        await blocked.DefaultTimeout();
    }

    [Fact]
    public async Task Read_only_calls_interleave_with_each_other_but_not_with_a_writer()
    {
        var (cluster, probe, gates) = await ClusterFactory.StartAsync();
        await using var _ = cluster;
        var grain = cluster.GrainFactory.GetGrain<IGateGrain>("g");

        var read1 = grain.BlockReading("r1");
        var read2 = grain.BlockReading("r2");
        await probe.WaitFor("r1:started").DefaultTimeout();
        await probe.WaitFor("r2:started").DefaultTimeout();

        var writer = grain.Plain("w");
        await Task.Delay(50);
        Assert.False(probe.HasSignal("w:ran"));

        gates.Open("r1");
        gates.Open("r2");
        await Task.WhenAll(read1, read2, writer).DefaultTimeout();
        Assert.Equal("w:ran", probe.Log.Last());
    }

    [Fact]
    public async Task A_reentrant_grain_interleaves_every_call()
    {
        var (cluster, probe, gates) = await ClusterFactory.StartAsync();
        await using var _ = cluster;
        var grain = cluster.GrainFactory.GetGrain<IReentrantGateGrain>("g");

        var blocked = grain.Block("a");
        await probe.WaitFor("a:started").DefaultTimeout();
        Assert.Equal("b", await grain.Plain("b").DefaultTimeout());
        Assert.False(blocked.IsCompleted);

        gates.Open("a");
        await blocked.DefaultTimeout();
    }

    [Fact]
    public async Task A_deadlocked_call_cycle_fails_with_a_timeout_that_names_grain_and_method()
    {
        var (cluster, _, _) = await ClusterFactory.StartAsync(silo => silo.Configure<SiloOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(1)));
        await using var _ = cluster;
        var a = cluster.GrainFactory.GetGrain<IPingGrain>("a");
        var b = cluster.GrainFactory.GetGrain<IPingGrain>("b");

        var error = await Assert.ThrowsAsync<GrainCallTimeoutException>(() => a.Ping(b, 2)).DefaultTimeout();

        Assert.Contains("IPingGrain.Ping", error.Message);
        Assert.Contains("ping/", error.Message);
    }

    [Fact]
    public async Task A_call_cycle_without_a_cycle_back_completes()
    {
        var (cluster, _, _) = await ClusterFactory.StartAsync();
        await using var _ = cluster;
        var a = cluster.GrainFactory.GetGrain<IPingGrain>("a");
        var b = cluster.GrainFactory.GetGrain<IPingGrain>("b");

        await a.Ping(b, 1).DefaultTimeout();
    }
}
