using BenchmarkDotNet.Attributes;
using Orleans.TestingHost;
using Rides.Benchmarks.Grains;
using Rides.Benchmarks.Hosting;

namespace Rides.Benchmarks;

/// <summary>
/// An awaited grain call beside a direct method call: through a co-hosted silo's grain factory (the
/// embedded default's edge → grain path) and from an external cluster client, whose messages are
/// serialized both ways and cross the test cluster's in-memory transport to the silo's gateway. The
/// "in flight" rows send <see cref="InFlight"/> calls at once and report the time per call: what a call
/// costs in work when nobody waits for its answer before sending the next, beside its latency alone.
/// </summary>
[MemoryDiagnoser]
public class GrainCallBenchmarks
{
    /// <summary>Calls sent at once by the "in flight" benchmarks.</summary>
    public const int InFlight = 100;

    private readonly Payload _payload = new("ride-1", 37.7749, -122.4194, 1);
    private readonly PlainEcho _plain = new();
    private readonly Task<Payload>[] _inFlight = new Task<Payload>[InFlight];
    private CoHostedSilo? _coHosted;
    private InProcessTestCluster? _cluster;
    private IEchoGrain _grain = null!;

    /// <summary>Starts the co-hosted silo and activates the grain.</summary>
    [GlobalSetup(Targets = [nameof(CoHostedGrainCall), nameof(CoHostedGrainCallsInFlight)])]
    public async Task SetupCoHostedAsync()
    {
        _coHosted = await CoHostedSilo.StartAsync();
        _grain = _coHosted.Grains.GetGrain<IEchoGrain>("echo");
        await _grain.Echo(_payload);
    }

    /// <summary>Starts a one-silo test cluster and its client, and activates the grain.</summary>
    [GlobalSetup(Targets = [nameof(ClientGrainCall), nameof(ClientGrainCallsInFlight)])]
    public async Task SetupClientAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ConfigureFileLogging = false;
        _cluster = builder.Build();
        await _cluster.DeployAsync();
        _grain = _cluster.Client.GetGrain<IEchoGrain>("echo");
        await _grain.Echo(_payload);
    }

    /// <summary>Stops whatever the setup started.</summary>
    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        if (_coHosted is not null)
        {
            await _coHosted.DisposeAsync();
        }

        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    /// <summary>The same method on a plain object.</summary>
    [Benchmark(Baseline = true, Description = "direct method call")]
    public Task<Payload> Direct() => _plain.Echo(_payload);

    /// <summary>Through the co-hosted silo's <see cref="IGrainFactory"/>.</summary>
    [Benchmark(Description = "grain call, co-hosted silo")]
    public Task<Payload> CoHostedGrainCall() => _grain.Echo(_payload);

    /// <summary>From the test cluster's external client.</summary>
    [Benchmark(Description = "grain call, external client")]
    public Task<Payload> ClientGrainCall() => _grain.Echo(_payload);

    /// <summary><see cref="InFlight"/> calls at once through the co-hosted silo; the time is per call.</summary>
    [Benchmark(OperationsPerInvoke = InFlight, Description = "grain call, co-hosted silo, 100 in flight")]
    public Task CoHostedGrainCallsInFlight() => SendInFlightAsync();

    /// <summary><see cref="InFlight"/> calls at once from the external client; the time is per call.</summary>
    [Benchmark(OperationsPerInvoke = InFlight, Description = "grain call, external client, 100 in flight")]
    public Task ClientGrainCallsInFlight() => SendInFlightAsync();

    private Task SendInFlightAsync()
    {
        for (var i = 0; i < _inFlight.Length; i++)
        {
            _inFlight[i] = _grain.Echo(_payload);
        }

        return Task.WhenAll(_inFlight);
    }
}
