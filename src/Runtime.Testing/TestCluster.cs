using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Rides.Runtime.Activation;
using Rides.Runtime.Hosting;
using Rides.Runtime.Membership;
using Rides.Runtime.Messaging;
using Rides.Runtime.Reminders;
using Rides.Runtime.Storage;
using Rides.Runtime.Streams;

namespace Rides.Runtime.Testing;

/// <summary>
/// Silos in one process with a client, for tests. In-memory storage, reminders and membership are
/// shared by all silos of the cluster, so a restarted silo finds what the stopped one wrote.
/// </summary>
public sealed class TestCluster : IAsyncDisposable
{
    private readonly Action<ISiloBuilder>[] _siloConfigurations;
    private readonly Action<IServiceCollection>[] _serviceConfigurations;
    private readonly TimeProvider _timeProvider;
    private readonly MemoryStorageStore _storage = new();
    private readonly InMemoryReminderTable _reminders = new();
    private readonly InMemoryMembershipTable _membership = new();
    private readonly List<SiloHandle> _silos = [];
    private int _generation;

    internal TestCluster(Action<ISiloBuilder>[] siloConfigurations, Action<IServiceCollection>[] serviceConfigurations, TimeProvider timeProvider)
    {
        _siloConfigurations = siloConfigurations;
        _serviceConfigurations = serviceConfigurations;
        _timeProvider = timeProvider;
        Client = new TestClusterClient(this);
    }

    /// <summary>The silos started so far, running or not.</summary>
    public IReadOnlyList<SiloHandle> Silos => _silos;

    /// <summary>The running silo the client talks to.</summary>
    public SiloHandle Primary => _silos.LastOrDefault(s => s.IsActive) ?? throw new InvalidOperationException("No silo is running: call DeployAsync.");

    /// <summary>A client of the cluster; it follows the primary silo across restarts.</summary>
    public IClusterClient Client { get; }

    /// <summary>The client's grain factory.</summary>
    public IGrainFactory GrainFactory => Client;

    /// <summary>Starts the first silo.</summary>
    public async Task DeployAsync()
    {
        if (_silos.Count > 0)
        {
            throw new InvalidOperationException("The cluster is already deployed.");
        }

        await StartSiloAsync().ConfigureAwait(false);
    }

    /// <summary>Stops a silo gracefully: every activation deactivates.</summary>
    public async Task StopSiloAsync(SiloHandle silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        if (!silo.IsActive)
        {
            return;
        }

        silo.IsActive = false;
        await silo.Host.StopAsync().ConfigureAwait(false);
        await DisposeHostAsync(silo.Host).ConfigureAwait(false);
    }

    /// <summary>Kills a silo: no deactivation, timers stop, queued calls fail.</summary>
    public async Task KillSiloAsync(SiloHandle silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        if (!silo.IsActive)
        {
            return;
        }

        silo.IsActive = false;
        silo.Runtime.Catalog.AbortAll();
        await DisposeHostAsync(silo.Host).ConfigureAwait(false);
    }

    /// <summary>Stops a silo gracefully and starts a new one in its place over the same storage.</summary>
    public async Task<SiloHandle> RestartSiloAsync(SiloHandle silo)
    {
        await StopSiloAsync(silo).ConfigureAwait(false);
        return await StartSiloAsync().ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var silo in _silos.Where(s => s.IsActive).ToList())
        {
            await StopSiloAsync(silo).ConfigureAwait(false);
        }
    }

    internal MessageRouter CurrentRouter => Primary.Runtime.Router;

    internal StreamRegistry CurrentStreams => Primary.Runtime.Streams;

    internal GrainTypeRegistry CurrentRegistry => Primary.Runtime.Registry;

    private async Task<SiloHandle> StartSiloAsync()
    {
        var name = $"silo-{++_generation}";
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton(_timeProvider);
        builder.Services.AddSingleton(_storage);
        builder.Services.AddSingleton<IReminderTable>(_reminders);
        builder.Services.AddSingleton<IMembershipTable>(_membership);
        foreach (var configure in _serviceConfigurations)
        {
            configure(builder.Services);
        }

        builder.Services.AddRidesSilo(silo =>
        {
            silo.Configure<SiloOptions>(o => o.SiloName = name);
            foreach (var configure in _siloConfigurations)
            {
                configure(silo);
            }
        });
        var host = builder.Build();
        await host.StartAsync().ConfigureAwait(false);
        var handle = new SiloHandle(name, host);
        _silos.Add(handle);
        return handle;
    }

    private static async Task DisposeHostAsync(IHost host)
    {
        if (host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync().ConfigureAwait(false);
        }
        else
        {
            host.Dispose();
        }
    }
}
