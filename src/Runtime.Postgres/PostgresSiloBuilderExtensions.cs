using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Rides.Runtime.Hosting;
using Rides.Runtime.Membership;
using Rides.Runtime.Postgres.Internal;
using Rides.Runtime.Postgres.Membership;
using Rides.Runtime.Postgres.Reminders;
using Rides.Runtime.Postgres.Storage;
using Rides.Runtime.Reminders;
using Rides.Runtime.Serialization;
using Rides.Runtime.Storage;

namespace Rides.Runtime.Postgres;

/// <summary>
/// Puts a silo's grain state, reminders and membership in PostgreSQL. All providers on the same
/// connection string share one <c>NpgsqlDataSource</c>; the schema (deploy/sql) is created on
/// first use. The connection string's <c>Search Path</c> chooses the schema.
/// </summary>
public static class PostgresSiloBuilderExtensions
{
    /// <summary>Adds a PostgreSQL grain storage provider registered under <paramref name="name"/>.</summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="name">The provider name grains use in <see cref="PersistentStateAttribute"/> (e.g. "postgres").</param>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <returns>The builder, for chaining.</returns>
    public static ISiloBuilder AddPostgresGrainStorage(this ISiloBuilder builder, string name, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ConnectionStrings.Validate(connectionString, nameof(connectionString));
        AddDataSources(builder.Services);
        builder.Services.AddKeyedSingleton<IGrainStorage>(name, (services, _) => new PostgresGrainStorage(
            name,
            services.GetRequiredService<PostgresDataSources>().Get(connectionString),
            services.GetRequiredService<IWireSerializer>(),
            services.GetService<ILogger<PostgresGrainStorage>>()));
        return builder;
    }

    /// <summary>Adds a PostgreSQL grain storage provider as the default one (<see cref="ProviderConstants.DefaultStorageProviderName"/>).</summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <returns>The builder, for chaining.</returns>
    public static ISiloBuilder AddPostgresGrainStorageAsDefault(this ISiloBuilder builder, string connectionString) =>
        builder.AddPostgresGrainStorage(ProviderConstants.DefaultStorageProviderName, connectionString);

    /// <summary>Keeps reminders in PostgreSQL (replaces the in-memory reminder table).</summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <returns>The builder, for chaining.</returns>
    public static ISiloBuilder UsePostgresReminderService(this ISiloBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ConnectionStrings.Validate(connectionString, nameof(connectionString));
        AddDataSources(builder.Services);
        builder.Services.AddSingleton<IReminderTable>(services => new PostgresReminderTable(
            services.GetRequiredService<PostgresDataSources>().Get(connectionString),
            services.GetService<ILogger<PostgresReminderTable>>()));
        return builder;
    }

    /// <summary>Keeps the cluster membership table in PostgreSQL (replaces the in-memory one).</summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="connectionString">An Npgsql connection string; every silo of one cluster uses the same database and schema.</param>
    /// <returns>The builder, for chaining.</returns>
    public static ISiloBuilder UsePostgresClustering(this ISiloBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ConnectionStrings.Validate(connectionString, nameof(connectionString));
        AddDataSources(builder.Services);
        builder.Services.AddSingleton<IMembershipTable>(services => new PostgresMembershipTable(
            services.GetRequiredService<PostgresDataSources>().Get(connectionString),
            services.GetService<ILogger<PostgresMembershipTable>>()));
        return builder;
    }

    private static void AddDataSources(IServiceCollection services) => services.TryAddSingleton<PostgresDataSources>();
}
