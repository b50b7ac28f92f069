using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Configuration;
using Orleans.Storage;
using Orleans.TestingHost;
using Rides.Silo.Schema;
using Rides.TestInfrastructure;

namespace Rides.Silo.Tests.Schema;

/// <summary>
/// An in-process Orleans cluster whose silos keep membership, grain state and reminders in a
/// fresh PostgreSQL schema through Orleans' ADO.NET providers, on the schema that
/// <see cref="PostgresSchemaInstaller"/> installs. Disposing stops the cluster and drops the schema.
/// </summary>
internal sealed class SchemaTestCluster : IAsyncDisposable
{
    /// <summary>The grain storage keeping a cleared state as a row with a NULL payload (Orleans' default).</summary>
    public const string DefaultStorage = "Default";

    /// <summary>The grain storage deleting the row on clear (<see cref="AdoNetGrainStorageOptions.DeleteStateOnClear"/>).</summary>
    public const string DeletingStorage = "DeleteOnClear";

    /// <summary>The ADO.NET invariant of Npgsql.</summary>
    public const string Invariant = "Npgsql";

    /// <summary>The limit for starting, restarting and stopping silos (each takes a few seconds).</summary>
    public static readonly TimeSpan SiloTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The limit for a reminder tick to arrive: a 1 s period, plus the reminder service's start
    /// (it reads the table) when a silo has just started.
    /// </summary>
    public static readonly TimeSpan TickTimeout = TimeSpan.FromSeconds(30);

    private readonly TestSchema _schema;

    private SchemaTestCluster(TestSchema schema, NpgsqlDataSource database, InProcessTestCluster cluster)
    {
        _schema = schema;
        Database = database;
        Cluster = cluster;
    }

    /// <summary>The cluster.</summary>
    public InProcessTestCluster Cluster { get; }

    /// <summary>The test's schema, for checking what the providers wrote.</summary>
    public NpgsqlDataSource Database { get; }

    /// <summary>
    /// Creates a schema, installs the Rides schema into it, and starts <paramref name="silos"/>
    /// silos and a client on it.
    /// </summary>
    public static async Task<SchemaTestCluster> StartAsync(short silos = 1)
    {
        var schema = await CreateInstalledSchemaAsync();
        NpgsqlDataSource? database = null;
        InProcessTestCluster? cluster = null;
        try
        {
            database = NpgsqlDataSource.Create(schema.ConnectionString);

            var connectionString = schema.ConnectionString;
            var builder = new InProcessTestClusterBuilder(silos);
            UseAdoNetMembership(builder.Options);
            builder.ConfigureSilo((_, silo) => silo
                .UseAdoNetClustering(o =>
                {
                    o.Invariant = Invariant;
                    o.ConnectionString = connectionString;
                })
                .AddAdoNetGrainStorage(DefaultStorage, o =>
                {
                    o.Invariant = Invariant;
                    o.ConnectionString = connectionString;
                })
                .AddAdoNetGrainStorage(DeletingStorage, o =>
                {
                    o.Invariant = Invariant;
                    o.ConnectionString = connectionString;
                    o.DeleteStateOnClear = true;
                })
                .UseAdoNetReminderService(o =>
                {
                    o.Invariant = Invariant;
                    o.ConnectionString = connectionString;
                })
                .Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1)));
            builder.ConfigureClient(client => client
                .UseAdoNetClustering(o =>
                {
                    o.Invariant = Invariant;
                    o.ConnectionString = connectionString;
                })
                .Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(1)));

            cluster = builder.Build();
            await cluster.DeployAsync().TimeoutAfter(SiloTimeout);
            return new SchemaTestCluster(schema, database, cluster);
        }
        catch
        {
            if (cluster is not null)
            {
                await cluster.DisposeAsync().AsTask().TimeoutAfter(SiloTimeout);
            }

            if (database is not null)
            {
                await database.DisposeAsync();
            }

            await schema.DisposeAsync().DefaultTimeout();
            throw;
        }
    }

    /// <summary>A fresh schema with the Rides schema installed; disposing drops it.</summary>
    public static async Task<TestSchema> CreateInstalledSchemaAsync()
    {
        var schema = await PostgresServer.Shared.CreateTestSchemaAsync().DefaultTimeout();
        try
        {
            await using var database = NpgsqlDataSource.Create(schema.ConnectionString);
            await PostgresSchemaInstaller.InstallAsync(database).DefaultTimeout();
            return schema;
        }
        catch
        {
            await schema.DisposeAsync().DefaultTimeout();
            throw;
        }
    }

    /// <summary>
    /// A fresh string key that the ADO.NET provider stores as a string. (It reads a string key
    /// of 32 hex digits as a Guid, and one of up to 16 hex digits, optionally followed by
    /// "+extension", as an integer, so such keys land in N0/N1 instead.)
    /// </summary>
    public static string NewStringKey() => "k-" + Guid.NewGuid().ToString("N");

    /// <summary>The services of <paramref name="silo"/>, or of the first silo.</summary>
    public IServiceProvider Services(InProcessSiloHandle? silo = null) => Cluster.GetSiloServiceProvider(silo?.SiloAddress);

    /// <summary>The grain storage named <paramref name="name"/> of the first silo.</summary>
    public IGrainStorage Storage(string name) => Services().GetRequiredKeyedService<IGrainStorage>(name);

    /// <summary>Stops <paramref name="silo"/> gracefully and starts a new silo in its place.</summary>
    public async Task<InProcessSiloHandle> RestartAsync(InProcessSiloHandle silo) =>
        await Cluster.RestartSiloAsync(silo).TimeoutAfter(SiloTimeout)
        ?? throw new InvalidOperationException("The silo did not restart.");

    /// <summary>The cluster's rows of <c>orleans_membership</c>.</summary>
    public async Task<IReadOnlyList<MembershipRow>> ReadMembershipAsync()
    {
        await using var command = Database.CreateCommand(
            "SELECT address, port, generation, status FROM orleans_membership WHERE deployment_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = Cluster.Options.ClusterId });
        await using var reader = await command.ExecuteReaderAsync().DefaultTimeout();
        var rows = new List<MembershipRow>();
        while (await reader.ReadAsync().DefaultTimeout())
        {
            rows.Add(new MembershipRow(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3)));
        }

        return rows;
    }

    /// <summary>The value of a one-value query on the test's schema.</summary>
    public async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var command = Database.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        var value = await command.ExecuteScalarAsync().DefaultTimeout();
        return value is T typed ? typed : throw new InvalidOperationException($"`{sql}` returned {value ?? "null"}, not a {typeof(T).Name}.");
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            await Cluster.DisposeAsync().AsTask().TimeoutAfter(SiloTimeout);
        }
        finally
        {
            await Database.DisposeAsync();
            await _schema.DisposeAsync().DefaultTimeout();
        }
    }

    /// <summary>
    /// <see cref="InProcessTestCluster"/> registers its own in-memory membership table (and a
    /// grain directory built on it) after the test's silo configuration, so it would silently
    /// replace <c>UseAdoNetClustering</c> and the test would never touch the membership tables.
    /// Orleans.TestingHost 10.4.2 has no public switch for it; this sets the internal option
    /// that decides it. The tests check that the silos really use <c>AdoNetClusteringTable</c>.
    /// </summary>
    private static void UseAdoNetMembership(InProcessTestClusterOptions options)
    {
        const string name = "UseTestClusterMembership";
        var property = typeof(InProcessTestClusterOptions).GetProperty(name, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            ?? throw new InvalidOperationException(
                $"{nameof(InProcessTestClusterOptions)}.{name} no longer exists in this Orleans.TestingHost; find its replacement, " +
                "otherwise the test cluster's in-memory membership table replaces ADO.NET clustering.");
        property.SetValue(options, false);
    }
}

/// <summary>A row of <c>orleans_membership</c>.</summary>
/// <param name="Address">The silo's IP address.</param>
/// <param name="Port">The silo's port.</param>
/// <param name="Generation">The silo's generation.</param>
/// <param name="Status">Orleans' <see cref="SiloStatus"/> as a number (3 Active, 6 Dead).</param>
internal sealed record MembershipRow(string Address, int Port, int Generation, int Status)
{
    /// <summary>Whether this is the row of <paramref name="silo"/>.</summary>
    public bool Is(SiloAddress silo) =>
        Address == silo.Endpoint.Address.ToString() && Port == silo.Endpoint.Port && Generation == silo.Generation;
}
