using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Runtime.Hosting;
using Orleans.Storage;
using Orleans.Providers;
using Rides.Edge.Rest;
using Rides.Grains;
using Rides.Grains.Storage;
using Rides.Silo.Health;
using Rides.Silo.Schema;

namespace Rides.Silo.Hosting;

/// <summary>Composes an Orleans silo into a web host: providers, ride grains, dashboard, readiness checks.</summary>
public static class SiloHostBuilderExtensions
{
    /// <summary>The connection string name that switches every provider to PostgreSQL.</summary>
    public const string ConnectionStringName = "Rides";

    /// <summary>The ADO.NET invariant name of Npgsql, which Orleans' providers load.</summary>
    public const string NpgsqlInvariant = "Npgsql";

    /// <summary>The name of the ADO.NET grain storage provider the default storage wraps.</summary>
    public const string PostgresStorageName = "postgres";

    /// <summary>
    /// Adds the silo. With <c>ConnectionStrings:Rides</c> set, clustering, grain state and reminders go to
    /// PostgreSQL (its schema installed first); otherwise the silo runs alone on localhost, in memory.
    /// </summary>
    public static WebApplicationBuilder AddRidesSiloHost(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configured = builder.Configuration.GetConnectionString(ConnectionStringName);
        var mode = string.IsNullOrWhiteSpace(configured) ? SiloStorageMode.InMemory : SiloStorageMode.Postgres;
        var connectionString = mode == SiloStorageMode.Postgres ? PostgresConnectionDefaults.Apply(configured!) : null;
        var options = builder.Configuration.GetSection(RidesSiloOptions.SectionName).Get<RidesSiloOptions>() ?? new RidesSiloOptions();

        builder.Services.AddSingleton(new SiloStorageInfo(mode));
        builder.Services.AddHostedService<SiloStartupLogger>();
        if (mode == SiloStorageMode.Postgres && options.InstallSchemaOnStart)
        {
            // Registered before the silo, so the tables and queries exist when its providers start.
            builder.Services.AddHostedService(sp => ActivatorUtilities.CreateInstance<SchemaInstallerService>(sp, connectionString!));
        }

        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(cluster =>
            {
                cluster.ClusterId = options.ClusterId;
                cluster.ServiceId = options.ServiceId;
            });
            if (mode == SiloStorageMode.Postgres)
            {
                silo.UseAdoNetClustering(o =>
                    {
                        o.Invariant = NpgsqlInvariant;
                        o.ConnectionString = connectionString;
                    })
                    .AddAdoNetGrainStorage(PostgresStorageName, o =>
                    {
                        o.Invariant = NpgsqlInvariant;
                        o.ConnectionString = connectionString;
                        o.GrainStorageSerializer = new JsonGrainStateSerializer();
                    })
                    .UseAdoNetReminderService(o =>
                    {
                        o.Invariant = NpgsqlInvariant;
                        o.ConnectionString = connectionString;
                    })
                    .UsePostgresGrainTables(connectionString!);
                if (string.IsNullOrWhiteSpace(options.AdvertisedAddress))
                {
                    silo.ConfigureEndpoints(options.SiloPort, options.GatewayPort);
                }
                else
                {
                    silo.ConfigureEndpoints(System.Net.IPAddress.Parse(options.AdvertisedAddress), options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: false);
                }

                MembershipDefaults.Configure(silo.Services, builder.Configuration);

                // The grains' default storage: PostgreSQL, with a database outage told to callers as SERVICE_UNAVAILABLE.
                silo.Services.AddGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, (sp, _) =>
                    new OutageGrainStorage(sp.GetRequiredKeyedService<IGrainStorage>(PostgresStorageName)));
            }
            else
            {
                silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId)
                    .AddMemoryGrainStorageAsDefault(o => o.GrainStorageSerializer = new JsonGrainStateSerializer())
                    .UseInMemoryReminderService()
                    .UseMemoryGrainTables();
            }

            silo.AddRidesGrains(builder.Configuration);
            ReminderDefaults.Configure(silo.Services, builder.Configuration);
            DirectoryDefaults.Configure(silo.Services, builder.Configuration);

            // An idle silo should cost next to nothing (goal: at most 5 % of a core). Measured idle on 2 cores:
            // 5.7 % with the defaults, 4.0 % with these two. The dashboard samples counters every 5 s, not every
            // second; silos publish their load every 10 s, not every second (our grains' placement is random or
            // prefer-local, which does not read it).
            silo.AddDashboard(dashboard => dashboard.CounterUpdateIntervalMs = 5000);
            silo.Configure<DeploymentLoadPublisherOptions>(load => load.DeploymentLoadPublisherRefreshTime = TimeSpan.FromSeconds(10));
        });

        var checks = builder.Services.AddHealthChecks()
            .AddCheck<SiloRunningHealthCheck>("silo", tags: [HealthTags.Ready]);
        if (mode == SiloStorageMode.Postgres)
        {
            checks.AddTypeActivatedCheck<PostgresHealthCheck>("postgres", failureStatus: null, tags: [HealthTags.Ready], connectionString!);
        }

        return builder;
    }
}
