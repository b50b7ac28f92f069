using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Rides.Runtime.Hosting;

namespace Rides.Runtime.Testing;

/// <summary>One silo of a <see cref="TestCluster"/>.</summary>
public sealed class SiloHandle
{
    internal SiloHandle(string name, IHost host)
    {
        Name = name;
        Host = host;
    }

    /// <summary>The silo's name.</summary>
    public string Name { get; }

    /// <summary>Whether the silo is running.</summary>
    public bool IsActive { get; internal set; } = true;

    /// <summary>The silo's services.</summary>
    public IServiceProvider Services => Host.Services;

    /// <summary>The silo's statistics (activations, subscriptions, calls).</summary>
    public ISiloStatistics Statistics => Services.GetRequiredService<ISiloStatistics>();

    internal IHost Host { get; }

    internal SiloRuntime Runtime => Services.GetRequiredService<SiloRuntime>();
}
