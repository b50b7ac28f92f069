using BenchmarkDotNet.Attributes;
using Rides.Runtime.Hosting;
using Rides.Runtime.Testing;

namespace Rides.Benchmarks;

/// <summary>An awaited call to a local grain, with and without forced serialization, beside a direct method call.</summary>
[MemoryDiagnoser]
public class GrainCallBenchmarks
{
    private readonly Payload _payload = new("ride-1", 37.7749, -122.4194, 1);
    private readonly PlainEcho _plain = new();
    private TestCluster _local = null!;
    private TestCluster _serialized = null!;
    private IEchoGrain _localGrain = null!;
    private IEchoGrain _serializedGrain = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _local = await StartAsync(forceSerialization: false);
        _serialized = await StartAsync(forceSerialization: true);
        _localGrain = _local.GrainFactory.GetGrain<IEchoGrain>("e");
        _serializedGrain = _serialized.GrainFactory.GetGrain<IEchoGrain>("e");
        await _localGrain.Echo(_payload);
        await _serializedGrain.Echo(_payload);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _local.DisposeAsync();
        await _serialized.DisposeAsync();
    }

    [Benchmark(Baseline = true, Description = "direct method call")]
    public Task<Payload> Direct() => _plain.Echo(_payload);

    [Benchmark(Description = "local grain call")]
    public Task<Payload> LocalGrainCall() => _localGrain.Echo(_payload);

    [Benchmark(Description = "local grain call, forced serialization")]
    public Task<Payload> SerializedGrainCall() => _serializedGrain.Echo(_payload);

    private static async Task<TestCluster> StartAsync(bool forceSerialization)
    {
        var cluster = new TestClusterBuilder()
            .ConfigureSilo(s => s.AddGrains(typeof(EchoGrain).Assembly).AddMemoryGrainStorageAsDefault()
                .Configure<SiloOptions>(o => o.ForceSerialization = forceSerialization))
            .Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
