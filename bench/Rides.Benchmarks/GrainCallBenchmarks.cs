using BenchmarkDotNet.Attributes;
using Orleans.TestingHost;
using Rides.Benchmarks.Grains;
using Rides.Benchmarks.Hosting;

namespace Rides.Benchmarks;

/// <summary>
/// An awaited grain call beside a direct method call: through a co-hosted silo's grain factory (the
/// embedded default's edge → grain path) and from an external cluster client, whose messages are
/// serialized both ways and cross the test cluster's in-memory transport to the silo's gateway.
/// </summary>
[MemoryDiagnoser]
public class GrainCallBenchmarks
{
    private readonly Payload _payload = new("ride-1", 37.7749, -122.4194, 1);
    private readonly PlainEcho _plain = new();
    private CoHostedSilo? _coHosted;
    private InProcessTestCluster? _cluster;
    private IEchoGrain _grain = null!;

    /// <summary>Starts the co-hosted silo and activates the grain.</summary>
    [GlobalSetup(Target = nameof(CoHostedGrainCall))]
    public async Task SetupCoHostedAsync()
    {
        _coHosted = await CoHostedSilo.StartAsync();
        _grain = _coHosted.Grains.GetGrain<IEchoGrain>("echo");
        await _grain.Echo(_payload);
    }

    /// <summary>Starts a one-silo test cluster and its client, and activates the grain.</summary>
    [GlobalSetup(Target = nameof(ClientGrainCall))]
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
}
