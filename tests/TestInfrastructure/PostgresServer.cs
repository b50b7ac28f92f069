using Npgsql;

namespace Rides.TestInfrastructure;

/// <summary>
/// The PostgreSQL server the tests of this process use: the one named by the environment
/// variable <c>RIDES_TEST_PG</c> (a connection string) when set, otherwise a private server
/// this process starts once (see <see cref="Shared"/>) and removes at exit. Tests isolate
/// themselves in fresh schemas (<see cref="CreateSchemaAsync"/>).
/// </summary>
public sealed class PostgresServer
{
    /// <summary>The environment variable that names an existing server to test against.</summary>
    public const string EnvironmentVariable = "RIDES_TEST_PG";

    /// <summary>The prefix of every schema the tests create.</summary>
    public const string SchemaPrefix = "rides_test_";

    /// <summary>The most connections one test schema's pool opens at once.</summary>
    public const int MaxConnectionsPerSchema = 20;

    private static readonly Lazy<PostgresServer> s_shared = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly NpgsqlDataSource _admin;

    private PostgresServer(string connectionString, bool isPrivate)
    {
        ConnectionString = connectionString;
        IsPrivate = isPrivate;
        _admin = NpgsqlDataSource.Create(connectionString);
    }

    /// <summary>
    /// The server of this test process, started on first use. Throws, saying what to install
    /// or configure, when there is neither <c>RIDES_TEST_PG</c> nor a local PostgreSQL installation.
    /// </summary>
    public static PostgresServer Shared => s_shared.Value;

    /// <summary>A connection string to the server's database, with no search path set.</summary>
    public string ConnectionString { get; }

    /// <summary>Whether this process started the server (false when <c>RIDES_TEST_PG</c> named one).</summary>
    public bool IsPrivate { get; }

    /// <summary>
    /// Creates an empty schema with a fresh name and returns a connection string whose
    /// <c>Search Path</c> is that schema, so unqualified table names land in it.
    /// </summary>
    public async Task<string> CreateSchemaAsync(CancellationToken cancellationToken = default)
    {
        var schema = SchemaPrefix + Guid.NewGuid().ToString("N");
        await using (var command = _admin.CreateCommand($"CREATE SCHEMA \"{schema}\""))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var builder = new NpgsqlConnectionStringBuilder(ConnectionString)
        {
            SearchPath = schema,

            // Every schema gets its own pool (Orleans' ADO.NET providers open connections by
            // connection string, so each schema's pool is a global one that nothing disposes).
            // Dropping the schema clears it (DropSchemaAsync); until then idle connections go
            // soon and one schema holds at most MaxPoolSize, so that many tests running side by
            // side stay far below the server's max_connections.
            ConnectionIdleLifetime = 10,
            ConnectionPruningInterval = 5,
            MaxPoolSize = MaxConnectionsPerSchema,
        };
        return builder.ConnectionString;
    }

    /// <summary>Creates a schema as <see cref="CreateSchemaAsync"/> does, dropped when the result is disposed.</summary>
    public async Task<TestSchema> CreateTestSchemaAsync(CancellationToken cancellationToken = default) =>
        new(this, await CreateSchemaAsync(cancellationToken).ConfigureAwait(false));

    /// <summary>Drops the schema that <paramref name="connectionString"/>'s search path names, with everything in it.</summary>
    public async Task DropSchemaAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        var schema = new NpgsqlConnectionStringBuilder(connectionString).SearchPath;
        if (schema is null || !schema.StartsWith(SchemaPrefix, StringComparison.Ordinal) || schema.Contains('"', StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{schema}' is not a schema created by {nameof(CreateSchemaAsync)}; refusing to drop it.", nameof(connectionString));
        }

        // Close the schema's pooled connections now rather than at their idle lifetime: a suite
        // that starts clusters faster than the pool prunes would otherwise pile them up.
        using (var connection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        await using var command = _admin.CreateCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE");
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static PostgresServer Create()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        PostgresServer server;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            server = new PostgresServer(configured, isPrivate: false);
        }
        else
        {
            var started = PrivatePostgresServer.Start();
            server = new PostgresServer(started.ConnectionString, isPrivate: true);
        }

        server.CheckReachable(configured);
        return server;
    }

    private void CheckReachable(string? configured)
    {
        try
        {
            using var command = _admin.CreateCommand("SELECT 1");
            command.ExecuteScalar();
        }
        catch (NpgsqlException ex)
        {
            var source = configured is null ? "the private test server" : $"the server in {EnvironmentVariable}";
            throw new InvalidOperationException($"Cannot connect to {source} ({new NpgsqlConnectionStringBuilder(ConnectionString) { Password = null }}): {ex.Message}", ex);
        }
    }
}
