using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Rides.Silo.Schema;

/// <summary>
/// Installs the PostgreSQL schema that Orleans' ADO.NET providers (clustering, grain storage,
/// reminders) need: the scripts <c>deploy/sql/0*.sql</c>, embedded in this assembly as
/// <c>Rides.Silo.Sql.&lt;file name&gt;</c>. Every script is idempotent and upserts its queries
/// into <c>OrleansQuery</c>, so running them again repairs or updates an installation.
/// </summary>
/// <remarks>
/// The tables are created unqualified, in the first schema of the connection's search path
/// (created if missing). One run is one transaction under a transaction-scoped advisory lock,
/// so silos starting together take turns and a failed run leaves nothing behind. The version
/// installed is kept in <c>rides_schema_version</c>; a database holding a newer version than
/// <see cref="SchemaVersion"/> is refused untouched.
/// </remarks>
public static partial class PostgresSchemaInstaller
{
    /// <summary>
    /// The version of the schema these scripts produce. Raise it when a script changes what a
    /// database holds; the scripts must then bring every older version up to this one.
    /// </summary>
    public const int SchemaVersion = 1;

    /// <summary>The advisory lock key that serialises schema installation within a database.</summary>
    public const long AdvisoryLockKey = 0x52_69_64_65_73_53_71_6C; // "RidesSql"

    /// <summary>The prefix of the scripts' embedded resource names.</summary>
    internal const string ResourcePrefix = "Rides.Silo.Sql.";

    private static readonly ConcurrentDictionary<string, Lazy<Task>> s_installed = new(StringComparer.Ordinal);
    private static readonly Lazy<IReadOnlyList<SchemaScript>> s_scripts = new(LoadScripts);

    /// <summary>The embedded scripts, in the order they run (ordinal order of their file names).</summary>
    /// <exception cref="InvalidOperationException">The assembly embeds no script (a build error).</exception>
    public static IReadOnlyList<SchemaScript> Scripts => s_scripts.Value;

    /// <summary>
    /// Installs the schema once per connection string (which includes its search path) in this
    /// process; later calls return the same completed task. A failed attempt is retried by the next call.
    /// </summary>
    /// <param name="dataSource">The database to install into; its search path chooses the schema.</param>
    /// <param name="logger">Where to log; optional.</param>
    /// <param name="cancellationToken">Stops waiting (the shared installation itself runs on).</param>
    /// <returns>A task that completes when the schema is installed.</returns>
    public static Task EnsureInstalledAsync(NpgsqlDataSource dataSource, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var key = dataSource.ConnectionString;
        var lazy = s_installed.GetOrAdd(key, _ => new Lazy<Task>(() => InstallOnceAsync(key, dataSource, logger)));
        var task = lazy.Value;
        return task.IsCompletedSuccessfully ? task : task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Runs every script now, whether or not it ran before (each is idempotent), and records
    /// <see cref="SchemaVersion"/> as installed.
    /// </summary>
    /// <param name="dataSource">The database to install into; its search path chooses the schema.</param>
    /// <param name="logger">Where to log; optional.</param>
    /// <param name="cancellationToken">Cancels the installation (its transaction is rolled back).</param>
    /// <returns>A task that completes when the transaction has committed.</returns>
    /// <exception cref="InvalidOperationException">The database holds a newer schema version than <see cref="SchemaVersion"/>.</exception>
    public static async Task InstallAsync(NpgsqlDataSource dataSource, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        logger ??= NullLogger.Instance;
        var scripts = Scripts;
        var schema = FirstSearchPathSchema(dataSource.ConnectionString);
        var schemaForLog = schema ?? "(the default search path)";

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // Concurrent CREATE TABLE IF NOT EXISTS can still fail on the catalog's unique index;
        // the transaction-scoped advisory lock makes concurrent installers take turns.
        await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock($1)", cancellationToken, AdvisoryLockKey).ConfigureAwait(false);

        // CREATE SCHEMA IF NOT EXISTS needs the CREATE privilege on the database even when the
        // schema exists, so only ask for it when the schema is really missing.
        if (schema is not null
            && !await ScalarAsync<bool>(connection, transaction, "SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1)", cancellationToken, schema).ConfigureAwait(false))
        {
            await ExecuteAsync(connection, transaction, $"CREATE SCHEMA IF NOT EXISTS {QuoteIdentifier(schema)}", cancellationToken).ConfigureAwait(false);
        }

        var installed = await ReadInstalledVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        if (installed > SchemaVersion)
        {
            LogNewerSchema(logger, schemaForLog, installed.Value, SchemaVersion);
            throw new InvalidOperationException(
                $"The PostgreSQL schema {schemaForLog} holds Rides schema version {installed.Value}, newer than version {SchemaVersion}, " +
                $"the newest this build knows. Refusing to run this build's scripts over it; deploy a build that knows version {installed.Value}.");
        }

        foreach (var script in scripts)
        {
            await ExecuteAsync(connection, transaction, script.Sql, cancellationToken).ConfigureAwait(false);
            LogScriptRan(logger, script.Name);
        }

        await ExecuteAsync(
            connection,
            transaction,
            """
            INSERT INTO rides_schema_version (id, version) VALUES (1, $1)
            ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, installed_on = now()
            WHERE rides_schema_version.version <> EXCLUDED.version
            """,
            cancellationToken,
            SchemaVersion).ConfigureAwait(false);

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        LogInstalled(logger, SchemaVersion, schemaForLog, scripts.Count, installed?.ToString(CultureInfo.InvariantCulture) ?? "none");
    }

    /// <summary>
    /// The first schema of the connection's search path, unquoted (as PostgreSQL stores it:
    /// unquoted names folded to lower case); null if the search path names none.
    /// </summary>
    internal static string? FirstSearchPathSchema(string connectionString)
    {
        var searchPath = new NpgsqlConnectionStringBuilder(connectionString).SearchPath;
        if (string.IsNullOrWhiteSpace(searchPath))
        {
            return null;
        }

        var first = searchPath.Split(',')[0].Trim();
        if (first.Length == 0 || first.StartsWith('$'))
        {
            return null;
        }

        if (first.Length >= 2 && first[0] == '"' && first[^1] == '"')
        {
            var quoted = first[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal);
            return quoted.Length == 0 ? null : quoted;
        }

        return first.ToLowerInvariant();
    }

    /// <summary>
    /// The version recorded in <c>rides_schema_version</c> of the schema new tables go to
    /// (<c>current_schema()</c>), or null when that schema has no such table or row.
    /// </summary>
    private static async Task<int?> ReadInstalledVersionAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var tableExists = await ScalarAsync<bool>(
            connection,
            transaction,
            "SELECT to_regclass(format('%I.%I', current_schema(), 'rides_schema_version')) IS NOT NULL",
            cancellationToken).ConfigureAwait(false);
        if (!tableExists)
        {
            return null;
        }

        await using var command = new NpgsqlCommand("SELECT version FROM rides_schema_version WHERE id = 1", connection, transaction);
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is int version ? version : null;
    }

    private static async Task InstallOnceAsync(string key, NpgsqlDataSource dataSource, ILogger? logger)
    {
        try
        {
            await InstallAsync(dataSource, logger, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogInstallFailed(logger ?? NullLogger.Instance, ex);
            s_installed.TryRemove(key, out _);
            throw;
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var command = CreateCommand(connection, transaction, sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var command = CreateCommand(connection, transaction, sql, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is T typed
            ? typed
            : throw new InvalidOperationException($"Expected a {typeof(T).Name} from `{sql}`, got {value ?? "nothing"}.");
    }

    private static NpgsqlCommand CreateCommand(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, object[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return command;
    }

    private static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static IReadOnlyList<SchemaScript> LoadScripts()
    {
        var assembly = typeof(PostgresSchemaInstaller).Assembly;
        var scripts = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => new SchemaScript(n[ResourcePrefix.Length..], ReadResource(assembly, n)))
            .ToArray();
        if (scripts.Length == 0)
        {
            throw new InvalidOperationException(
                $"No SQL scripts named {ResourcePrefix}*.sql are embedded in {assembly.GetName().Name}; the build must embed deploy/sql/0*.sql.");
        }

        return scripts;
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource '{name}' is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Installed Rides PostgreSQL schema version {Version} in {Schema} ({ScriptCount} scripts; version before: {PreviousVersion})")]
    private static partial void LogInstalled(ILogger logger, int version, string schema, int scriptCount, string previousVersion);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Error, Message = "Installing the Rides PostgreSQL schema failed")]
    private static partial void LogInstallFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Debug, Message = "Ran schema script {Script}")]
    private static partial void LogScriptRan(ILogger logger, string script);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Critical, Message = "The PostgreSQL schema {Schema} holds Rides schema version {Installed}, newer than version {Known} that this build knows; not installing")]
    private static partial void LogNewerSchema(ILogger logger, string schema, int installed, int known);
}
