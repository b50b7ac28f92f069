using Microsoft.Extensions.DependencyInjection;
using Rides.Runtime.Hosting;

namespace Rides.Runtime.Testing;

/// <summary>Builds a <see cref="TestCluster"/>: silos in this process, configured alike.</summary>
public sealed class TestClusterBuilder
{
    private readonly List<Action<ISiloBuilder>> _siloConfigurations = [];
    private readonly List<Action<IServiceCollection>> _serviceConfigurations = [];
    private TimeProvider? _timeProvider;

    /// <summary>Configures every silo (grains, providers, options).</summary>
    public TestClusterBuilder ConfigureSilo(Action<ISiloBuilder> configure)
    {
        _siloConfigurations.Add(configure);
        return this;
    }

    /// <summary>Adds services to every silo.</summary>
    public TestClusterBuilder ConfigureServices(Action<IServiceCollection> configure)
    {
        _serviceConfigurations.Add(configure);
        return this;
    }

    /// <summary>The clock of every silo (a <see cref="ManualTimeProvider"/> in tests of time).</summary>
    public TestClusterBuilder UseTimeProvider(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        return this;
    }

    /// <summary>Creates the cluster; <see cref="TestCluster.DeployAsync"/> starts it.</summary>
    public TestCluster Build() => new([.. _siloConfigurations], [.. _serviceConfigurations], _timeProvider ?? TimeProvider.System);
}
