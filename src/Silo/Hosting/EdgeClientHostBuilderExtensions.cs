using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Rides.Edge.Rest;
using Rides.Silo.Health;

using Rides.Grains.Storage;

namespace Rides.Silo.Hosting;

/// <summary>
/// Makes a web host an Orleans client of the cluster in <c>ConnectionStrings:Rides</c>: the edge role. It
/// finds the silos' gateways in the membership table, hosts no grains, and keeps nothing a restart would lose.
/// </summary>
public static partial class EdgeClientHostBuilderExtensions
{
    /// <summary>How often the client re-reads the gateway list: how soon an edge uses a silo that joined.</summary>
    public static readonly TimeSpan GatewayListRefreshPeriod = TimeSpan.FromSeconds(5);

    /// <summary>How long an edge that starts before any silo keeps trying to reach one.</summary>
    public static readonly TimeSpan StartupConnectTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Adds the cluster client.</summary>
    public static WebApplicationBuilder AddRidesClusterClient(this WebApplicationBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var options = builder.Configuration.GetSection(RidesSiloOptions.SectionName).Get<RidesSiloOptions>() ?? new RidesSiloOptions();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(cluster =>
            {
                cluster.ClusterId = options.ClusterId;
                cluster.ServiceId = options.ServiceId;
            });
            client.UseAdoNetClustering(o =>
            {
                o.Invariant = SiloHostBuilderExtensions.NpgsqlInvariant;
                o.ConnectionString = PostgresConnectionDefaults.Apply(connectionString);
            });
            client.Configure<GatewayOptions>(gateways => gateways.GatewayListRefreshPeriod = GatewayListRefreshPeriod);
            client.UseConnectionRetryFilter(RetryUntilStartupTimeoutAsync());
        });

        builder.Services.AddHealthChecks().AddCheck<ClusterConnectedHealthCheck>("cluster", tags: [HealthTags.Ready]);
        return builder;
    }

    private static Func<Exception, CancellationToken, Task<bool>> RetryUntilStartupTimeoutAsync()
    {
        var started = TimeProvider.System.GetTimestamp();
        return async (exception, cancellationToken) =>
        {
            if (TimeProvider.System.GetElapsedTime(started) > StartupConnectTimeout)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
            return true;
        };
    }
}
