using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rides.TestInfrastructure;

namespace Rides.Benchmarks.Hosting;

/// <summary>
/// A generic host with a silo in it, on localhost clustering and free loopback ports: the embedded
/// default's shape, where the edge calls grains through the co-hosted silo's <see cref="IGrainFactory"/>.
/// Only warnings and errors are logged, to the console, so a benchmark's output shows what went wrong.
/// </summary>
public sealed class CoHostedSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private CoHostedSilo(IHost host) => _host = host;

    /// <summary>The co-hosted silo's grain factory, as the edge gets it from dependency injection.</summary>
    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    /// <summary>Builds and starts the host; <paramref name="configure"/> adds providers to the silo.</summary>
    public static async Task<CoHostedSilo> StartAsync(Action<ISiloBuilder>? configure = null)
    {
        // No appsettings, environment or command line: only what is configured here.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(FreePorts.Next(), FreePorts.Next());
            configure?.Invoke(silo);
        });
        var host = builder.Build();
        await host.StartAsync().ConfigureAwait(false);
        return new CoHostedSilo(host);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _host.StopAsync(timeout.Token).ConfigureAwait(false);
        _host.Dispose();
    }
}
