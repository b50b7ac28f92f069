using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Rides.Runtime.Postgres.Schema;

/// <summary>
/// Creates the Rides tables (grain state, reminders, membership) from the SQL scripts kept in
/// <c>deploy/sql</c> and embedded in this assembly. The scripts are idempotent; the installer
/// runs them under a PostgreSQL advisory lock, so several silos may start at once.
/// </summary>
public static partial class PostgresSchemaInstaller
{
    /// <summary>The advisory lock key that serialises schema installation within a database.</summary>
    public const long AdvisoryLockKey = 0x52_69_64_65_73_53_71_6C; // "RidesSql"

    private static readonly ConcurrentDictionary<string, Lazy<Task>> s_installed = new(StringComparer.Ordinal);
    private static readonly Lazy<IReadOnlyList<SchemaScript>> s_scripts = new(LoadScripts);

    /// <summary>The embedded scripts, in the order they run.</summary>
    public static IReadOnlyList<SchemaScript> Scripts => s_scripts.Value;

    /// <summary>
    /// Installs the schema once per connection string (which includes its search path) in this
    /// process; later calls return the same completed task. A failed attempt is retried by the next call.
    /// </summary>
    /// <param name="dataSource">The database to install into; its search path chooses the schema.</param>
    /// <param name="logger">Where to log; optional.</param>
    /// <param name="cancellationToken">Stops waiting (the shared installation itself runs on).</param>
    public static Task EnsureInstalledAsync(NpgsqlDataSource dataSource, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var key = dataSource.ConnectionString;
        var lazy = s_installed.GetOrAdd(key, _ => new Lazy<Task>(() => InstallOnceAsync(key, dataSource, logger)));
        var task = lazy.Value;
        return task.IsCompletedSuccessfully ? task : task.WaitAsync(cancellationToken);
    }

    /// <summary>Runs every script now, whether or not it ran before (each is idempotent).</summary>
    /// <param name="dataSource">The database to install into; its search path chooses the schema.</param>
    /// <param name="logger">Where to log; optional.</param>
    /// <param name="cancellationToken">Cancels the installation (its transaction is rolled back).</param>
    public static async Task InstallAsync(NpgsqlDataSource dataSource, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        logger ??= NullLogger.Instance;
        var schema = FirstSearchPathSchema(dataSource.ConnectionString);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // Concurrent CREATE TABLE IF NOT EXISTS can still fail on the catalog's unique index;
        // the transaction-scoped advisory lock makes concurrent installers take turns.
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection, transaction))
        {
            lockCommand.Parameters.Add(new NpgsqlParameter { Value = AdvisoryLockKey });
            await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (schema is not null)
        {
            await using var createSchema = new NpgsqlCommand($"CREATE SCHEMA IF NOT EXISTS {schema}", connection, transaction);
            await createSchema.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var script in Scripts)
        {
            await using var command = new NpgsqlCommand(script.Sql, connection, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        LogInstalled(logger, Scripts.Count, schema ?? "(default search path)");
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

    /// <summary>The first schema of the connection's search path, quoted for SQL; null if none is named.</summary>
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
            return first;
        }

        // PostgreSQL folds unquoted names to lower case.
        return "\"" + first.ToLowerInvariant().Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private static IReadOnlyList<SchemaScript> LoadScripts()
    {
        var assembly = typeof(PostgresSchemaInstaller).Assembly;
        var scripts = assembly.GetManifestResourceNames()
            .Where(n => n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => new SchemaScript(n, ReadResource(assembly, n)))
            .ToArray();
        if (scripts.Length == 0)
        {
            throw new InvalidOperationException($"No SQL scripts are embedded in {assembly.GetName().Name}; the build must embed deploy/sql/*.sql.");
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

    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Installed the Rides PostgreSQL schema ({ScriptCount} scripts) in {Schema}")]
    private static partial void LogInstalled(ILogger logger, int scriptCount, string schema);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Error, Message = "Installing the Rides PostgreSQL schema failed")]
    private static partial void LogInstallFailed(ILogger logger, Exception exception);
}
