using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rides.Edge.Rest;
using Rides.Grains;
using Rides.Runtime.Hosting;
using Rides.Runtime.Postgres;
using Rides.Silo.Health;

namespace Rides.Silo.Hosting;

/// <summary>Composes the silo into a web host: runtime, ride grains, storage providers, readiness checks.</summary>
public static class SiloHostBuilderExtensions
{
    /// <summary>The connection string name that switches every provider to PostgreSQL.</summary>
    public const string ConnectionStringName = "Rides";

    /// <summary>
    /// Adds the silo. With <c>ConnectionStrings:Rides</c> set, grain state, reminders and membership go to
    /// PostgreSQL; otherwise they stay in memory.
    /// </summary>
    public static WebApplicationBuilder AddRidesSiloHost(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        var mode = string.IsNullOrWhiteSpace(connectionString) ? SiloStorageMode.InMemory : SiloStorageMode.Postgres;

        builder.Services.AddRidesSilo(silo =>
        {
            silo.AddRidesGrains(builder.Configuration);
            if (mode == SiloStorageMode.Postgres)
            {
                silo.AddPostgresGrainStorageAsDefault(connectionString!)
                    .UsePostgresReminderService(connectionString!)
                    .UsePostgresClustering(connectionString!)
                    .UsePostgresChatStore(connectionString!);
            }
            else
            {
                silo.AddMemoryGrainStorageAsDefault().UseMemoryChatStore();
            }
        });

        builder.Services.AddSingleton(new SiloStorageInfo(mode));
        builder.Services.AddHostedService<SiloStartupLogger>();
        var checks = builder.Services.AddHealthChecks()
            .AddCheck<SiloRunningHealthCheck>("silo", tags: [HealthTags.Ready]);
        if (mode == SiloStorageMode.Postgres)
        {
            checks.AddTypeActivatedCheck<PostgresHealthCheck>("postgres", failureStatus: null, tags: [HealthTags.Ready], connectionString!);
        }

        return builder;
    }
}
