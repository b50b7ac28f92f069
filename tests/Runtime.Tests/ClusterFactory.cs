using Microsoft.Extensions.DependencyInjection;
using Rides.Runtime.Hosting;
using Rides.Runtime.Testing;
using Rides.Runtime.Tests.Grains;

namespace Rides.Runtime.Tests;

/// <summary>Builds test clusters hosting the test grains, with a probe and gates the tests share with them.</summary>
internal static class ClusterFactory
{
    public static async Task<(TestCluster Cluster, Probe Probe, Gates Gates)> StartAsync(
        Action<ISiloBuilder>? configure = null,
        TimeProvider? time = null,
        Action<TestClusterBuilder>? builder = null)
    {
        var probe = new Probe();
        var gates = new Gates();
        var clusterBuilder = new TestClusterBuilder()
            .ConfigureServices(s => s.AddSingleton(probe).AddSingleton(gates))
            .ConfigureSilo(silo =>
            {
                silo.AddGrains(typeof(ClusterFactory).Assembly).AddMemoryGrainStorageAsDefault();
                configure?.Invoke(silo);
            });
        if (time is not null)
        {
            clusterBuilder.UseTimeProvider(time);
        }

        builder?.Invoke(clusterBuilder);
        var cluster = clusterBuilder.Build();
        await cluster.DeployAsync();
        return (cluster, probe, gates);
    }
}
