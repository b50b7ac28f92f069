using Npgsql;

namespace Rides.Grains.Storage;

/// <summary>
/// A table of the grains' own (chat messages, ride histories): its idempotent DDL, embedded from
/// <c>deploy/sql</c>, run once per process on first use, in one transaction under a transaction-scoped
/// advisory lock so silos starting together take turns. A failed run (the database briefly down) is
/// retried by the next caller.
/// </summary>
internal sealed class PostgresTableScript(NpgsqlDataSource dataSource, string resourceName, long advisoryLockKey, Action onInstalled)
{
    private readonly Lock _lock = new();
    private Task? _installed;

    /// <summary>The DDL, read from the assembly's embedded <paramref name="resourceName"/>.</summary>
    public static string Read(string resourceName)
    {
        using var stream = typeof(PostgresTableScript).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"The embedded schema script {resourceName} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Completes once the table exists.</summary>
    public Task EnsureAsync(CancellationToken cancellationToken)
    {
        Task task;
        lock (_lock)
        {
            if (_installed is null || _installed.IsFaulted || _installed.IsCanceled)
            {
                _installed = InstallAsync();
            }

            task = _installed;
        }

        return task.IsCompletedSuccessfully ? task : task.WaitAsync(cancellationToken);
    }

    private async Task InstallAsync()
    {
        var sql = Read(resourceName);
        await using var connection = await dataSource.OpenConnectionAsync().ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection, transaction))
        {
            lockCommand.Parameters.Add(new NpgsqlParameter { Value = advisoryLockKey });
            await lockCommand.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        await using (var command = new NpgsqlCommand(sql, connection, transaction))
        {
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        await transaction.CommitAsync().ConfigureAwait(false);
        onInstalled();
    }
}
