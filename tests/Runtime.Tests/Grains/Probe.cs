using System.Collections.Concurrent;

namespace Rides.Runtime.Tests.Grains;

/// <summary>What test grains report to the test: named signals it can await.</summary>
public sealed class Probe
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<string>> _signals = new();
    private readonly ConcurrentQueue<string> _log = new();

    public IReadOnlyCollection<string> Log => _log;

    public void Signal(string name, string value = "")
    {
        _log.Enqueue(name);
        Get(name).TrySetResult(value);
    }

    public Task<string> WaitFor(string name) => Get(name).Task;

    public bool HasSignal(string name) => _signals.TryGetValue(name, out var s) && s.Task.IsCompleted;

    private TaskCompletionSource<string> Get(string name) =>
        _signals.GetOrAdd(name, _ => new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously));
}
