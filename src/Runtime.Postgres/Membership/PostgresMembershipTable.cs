using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;
using Rides.Runtime.Membership;
using Rides.Runtime.Postgres.Schema;

namespace Rides.Runtime.Postgres.Membership;

/// <summary>
/// The cluster membership table in PostgreSQL (<c>rides_membership_version</c> +
/// <c>rides_membership</c>), as in Orleans' ADO.NET clustering. Inserting or updating a silo
/// bumps the version row in the same transaction, only if it still holds the version the
/// writer read: that update is the single linearisation point, so of two writers that read
/// the same version exactly one succeeds. Heartbeats are not versioned. One schema holds one cluster.
/// </summary>
public sealed partial class PostgresMembershipTable : IMembershipTable
{
    private const string BumpVersionSql =
        "UPDATE rides_membership_version SET version = version + 1, updated_on = now() WHERE id = 1 AND version = $1";

    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger _logger;

    /// <summary>Creates the table over <paramref name="dataSource"/>; its search path chooses the schema.</summary>
    public PostgresMembershipTable(NpgsqlDataSource dataSource, ILogger<PostgresMembershipTable>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _dataSource = dataSource;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken = default) =>
        PostgresSchemaInstaller.EnsureInstalledAsync(_dataSource, _logger, cancellationToken);

    /// <inheritdoc />
    public async Task<MembershipSnapshot> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);

        // One statement, so the version and the rows come from one snapshot.
        await using var command = _dataSource.CreateCommand(
            """
            SELECT v.version, m.silo_address, m.silo_name, m.status, m.start_time, m.i_am_alive_time, m.suspect_times::text
            FROM rides_membership_version v LEFT JOIN rides_membership m ON TRUE
            WHERE v.id = 1
            ORDER BY m.start_time, m.silo_address
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        long version = 0;
        var entries = new List<MembershipEntry>();
        var found = false;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            found = true;
            version = reader.GetInt64(0);
            if (reader.IsDBNull(1))
            {
                continue;
            }

            entries.Add(new MembershipEntry(
                reader.GetString(1),
                reader.GetString(2),
                (SiloStatus)reader.GetInt32(3),
                reader.GetFieldValue<DateTimeOffset>(4),
                reader.GetFieldValue<DateTimeOffset>(5),
                SuspectTimesJson.Read(reader.GetString(6))));
        }

        if (!found)
        {
            throw new InvalidOperationException("The membership version row is missing from rides_membership_version; run the schema in deploy/sql again.");
        }

        return new MembershipSnapshot(entries, version);
    }

    /// <inheritdoc />
    public Task<bool> InsertRowAsync(MembershipEntry entry, long expectedVersion, CancellationToken cancellationToken = default) =>
        ChangeAsync(
            entry,
            expectedVersion,
            """
            INSERT INTO rides_membership (silo_address, silo_name, status, start_time, i_am_alive_time, suspect_times)
            VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (silo_address) DO NOTHING
            """,
            "insert",
            cancellationToken);

    /// <inheritdoc />
    public Task<bool> UpdateRowAsync(MembershipEntry entry, long expectedVersion, CancellationToken cancellationToken = default) =>
        ChangeAsync(
            entry,
            expectedVersion,
            """
            UPDATE rides_membership
            SET silo_name = $2, status = $3, start_time = $4, i_am_alive_time = $5, suspect_times = $6
            WHERE silo_address = $1
            """,
            "update",
            cancellationToken);

    /// <inheritdoc />
    public async Task UpdateIAmAliveAsync(string siloAddress, DateTimeOffset iAmAliveTime, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(siloAddress);
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        await using var command = _dataSource.CreateCommand("UPDATE rides_membership SET i_am_alive_time = $2 WHERE silo_address = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = siloAddress });
        command.Parameters.Add(new NpgsqlParameter { Value = iAmAliveTime.ToUniversalTime() });
        if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
        {
            LogHeartbeatForUnknownSilo(_logger, siloAddress);
        }
    }

    /// <inheritdoc />
    public async Task CleanupDefunctEntriesAsync(DateTimeOffset beforeDate, CancellationToken cancellationToken = default)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        await using var command = _dataSource.CreateCommand("DELETE FROM rides_membership WHERE status = $1 AND i_am_alive_time < $2");
        command.Parameters.Add(new NpgsqlParameter { Value = (int)SiloStatus.Dead });
        command.Parameters.Add(new NpgsqlParameter { Value = beforeDate.ToUniversalTime() });
        var removed = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        LogCleanedUp(_logger, removed, beforeDate);
    }

    private async Task<bool> ChangeAsync(MembershipEntry entry, long expectedVersion, string rowSql, string operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrEmpty(entry.SiloAddress, nameof(entry));
        ArgumentNullException.ThrowIfNull(entry.SiloName, nameof(entry));
        await InitializeAsync(cancellationToken).ConfigureAwait(false);

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // A concurrent writer holding the version row makes this wait; it then re-checks the
        // version against the committed row and matches nothing.
        await using (var bump = new NpgsqlCommand(BumpVersionSql, connection, transaction))
        {
            bump.Parameters.Add(new NpgsqlParameter { Value = expectedVersion });
            if (await bump.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
            {
                LogStaleVersion(_logger, operation, entry.SiloAddress, expectedVersion);
                return false;
            }
        }

        await using (var row = new NpgsqlCommand(rowSql, connection, transaction))
        {
            row.Parameters.Add(new NpgsqlParameter { Value = entry.SiloAddress });
            row.Parameters.Add(new NpgsqlParameter { Value = entry.SiloName });
            row.Parameters.Add(new NpgsqlParameter { Value = (int)entry.Status });
            row.Parameters.Add(new NpgsqlParameter { Value = entry.StartTime.ToUniversalTime() });
            row.Parameters.Add(new NpgsqlParameter { Value = entry.IAmAliveTime.ToUniversalTime() });
            row.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = SuspectTimesJson.Write(entry.SuspectTimes) });
            if (await row.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
            {
                // Insert of a silo already present, or update of one that is not: change nothing.
                LogRowRefused(_logger, operation, entry.SiloAddress);
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                return false;
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    [LoggerMessage(EventId = 1300, Level = LogLevel.Debug, Message = "Membership {Operation} of {SiloAddress} refused: the table is no longer at version {ExpectedVersion}")]
    private static partial void LogStaleVersion(ILogger logger, string operation, string siloAddress, long expectedVersion);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Debug, Message = "Membership {Operation} of {SiloAddress} refused: the row is already present (insert) or missing (update)")]
    private static partial void LogRowRefused(ILogger logger, string operation, string siloAddress);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Warning, Message = "Heartbeat from {SiloAddress}, which has no row in the membership table")]
    private static partial void LogHeartbeatForUnknownSilo(ILogger logger, string siloAddress);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Information, Message = "Removed {Count} dead silos last alive before {BeforeDate}")]
    private static partial void LogCleanedUp(ILogger logger, int count, DateTimeOffset beforeDate);
}
