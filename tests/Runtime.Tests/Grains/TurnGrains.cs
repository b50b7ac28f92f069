using Rides.Runtime.Hosting;

namespace Rides.Runtime.Tests.Grains;

public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> Enter();

    Task<int> MaxConcurrency();

    Task<int> Entered();
}

public sealed class CounterGrain : Grain, ICounterGrain
{
    private int _inside;
    private int _max;
    private int _entered;

    public async Task<int> Enter()
    {
        _inside++;
        _max = Math.Max(_max, _inside);
        await Task.Yield();
        await Task.Delay(0);
        await Task.Yield();
        _entered++;
        _inside--;
        return _entered;
    }

    public Task<int> MaxConcurrency() => Task.FromResult(_max);

    public Task<int> Entered() => Task.FromResult(_entered);
}

/// <summary>A grain whose calls wait on gates the test opens, to see which calls overlap.</summary>
public interface IGateGrain : IGrainWithStringKey
{
    Task Block(string gate);

    [AlwaysInterleave]
    Task<string> Interleaving(string name);

    [ReadOnly]
    Task BlockReading(string gate);

    Task<string> Plain(string name);
}

public interface IReentrantGateGrain : IGateGrain
{
}

public class GateGrain(Probe probe, Gates gates) : Grain, IGateGrain
{
    public async Task Block(string gate)
    {
        probe.Signal($"{gate}:started");
        await gates.Get(gate).Task;
        probe.Signal($"{gate}:done");
    }

    public Task<string> Interleaving(string name)
    {
        probe.Signal($"{name}:ran");
        return Task.FromResult(name);
    }

    public Task BlockReading(string gate) => Block(gate);

    public Task<string> Plain(string name)
    {
        probe.Signal($"{name}:ran");
        return Task.FromResult(name);
    }
}

[Reentrant]
public sealed class ReentrantGateGrain(Probe probe, Gates gates) : GateGrain(probe, gates), IReentrantGateGrain
{
}

public sealed class Gates
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, TaskCompletionSource> _gates = new();

    public TaskCompletionSource Get(string name) => _gates.GetOrAdd(name, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public void Open(string name) => Get(name).TrySetResult();
}

/// <summary>Two grains that call each other: a cycle that must end in the response timeout.</summary>
public interface IPingGrain : IGrainWithStringKey
{
    Task Ping(IPingGrain other, int hops);
}

public sealed class PingGrain : Grain, IPingGrain
{
    public async Task Ping(IPingGrain other, int hops)
    {
        if (hops > 0)
        {
            await other.Ping(AsReference<IPingGrain>(), hops - 1);
        }
    }
}
