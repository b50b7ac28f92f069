using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Rides.Runtime.Postgres.Schema;
using Rides.Runtime.Reminders;

namespace Rides.Runtime.Postgres.Reminders;

/// <summary>
/// Durable reminders in PostgreSQL (<c>rides_reminders</c>). The ETag is a version drawn from a
/// sequence, so it is never reused: a handle from before a remove cannot remove a newer reminder.
/// Times keep microsecond precision (timestamptz); periods round-trip exactly.
/// </summary>
public sealed partial class PostgresReminderTable : IReminderTable
{
    private const string Columns = "grain_type, grain_key, reminder_name, start_at, period_ticks, version";

    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger _logger;

    /// <summary>Creates the table over <paramref name="dataSource"/>; its search path chooses the schema.</summary>
    public PostgresReminderTable(NpgsqlDataSource dataSource, ILogger<PostgresReminderTable>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _dataSource = dataSource;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken = default) =>
        PostgresSchemaInstaller.EnsureInstalledAsync(_dataSource, _logger, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        await using var command = _dataSource.CreateCommand($"SELECT {Columns} FROM rides_reminders ORDER BY grain_type, grain_key, reminder_name");
        return await ReadEntriesAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(GrainId grainId, CancellationToken cancellationToken = default)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        await using var command = _dataSource.CreateCommand(
            $"SELECT {Columns} FROM rides_reminders WHERE grain_type = $1 AND grain_key = $2 ORDER BY reminder_name");
        AddGrainId(command, grainId);
        return await ReadEntriesAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<ReminderEntry?> ReadRowAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(reminderName);
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        await using var command = _dataSource.CreateCommand(
            $"SELECT {Columns} FROM rides_reminders WHERE grain_type = $1 AND grain_key = $2 AND reminder_name = $3");
        AddGrainId(command, grainId);
        command.Parameters.Add(new NpgsqlParameter { Value = reminderName });
        var rows = await ReadEntriesAsync(command, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <inheritdoc />
    public async Task<string> UpsertRowAsync(ReminderEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrEmpty(entry.ReminderName, nameof(entry));
        if (entry.Period < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(entry), entry.Period, "A reminder's period must not be negative.");
        }

        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        await using var command = _dataSource.CreateCommand(
            """
            INSERT INTO rides_reminders (grain_type, grain_key, reminder_name, start_at, period_ticks, version)
            VALUES ($1, $2, $3, $4, $5, nextval('rides_reminders_version_seq'))
            ON CONFLICT (grain_type, grain_key, reminder_name) DO UPDATE
                SET start_at = EXCLUDED.start_at, period_ticks = EXCLUDED.period_ticks,
                    version = EXCLUDED.version, modified_on = now()
            RETURNING version
            """);
        AddGrainId(command, entry.GrainId);
        command.Parameters.Add(new NpgsqlParameter { Value = entry.ReminderName });
        command.Parameters.Add(new NpgsqlParameter { Value = entry.StartAt.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter { Value = entry.Period.Ticks });
        var version = (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        return version.ToString(CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public async Task<bool> RemoveRowAsync(GrainId grainId, string reminderName, string etag, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(reminderName);
        ArgumentNullException.ThrowIfNull(etag);
        if (!long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            throw new ArgumentException($"'{etag}' is not an ETag of the PostgreSQL reminder table (an integer version).", nameof(etag));
        }

        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        await using var command = _dataSource.CreateCommand(
            "DELETE FROM rides_reminders WHERE grain_type = $1 AND grain_key = $2 AND reminder_name = $3 AND version = $4");
        AddGrainId(command, grainId);
        command.Parameters.Add(new NpgsqlParameter { Value = reminderName });
        command.Parameters.Add(new NpgsqlParameter { Value = version });
        var removed = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        if (!removed)
        {
            LogRemoveRefused(_logger, reminderName, grainId.ToString(), etag);
        }

        return removed;
    }

    private static void AddGrainId(NpgsqlCommand command, GrainId grainId)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = grainId.Type });
        command.Parameters.Add(new NpgsqlParameter { Value = grainId.Key });
    }

    private static async Task<IReadOnlyList<ReminderEntry>> ReadEntriesAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var entries = new List<ReminderEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new ReminderEntry(
                new GrainId(reader.GetString(0), reader.GetString(1)),
                reader.GetString(2),
                reader.GetFieldValue<DateTimeOffset>(3),
                TimeSpan.FromTicks(reader.GetInt64(4)),
                reader.GetInt64(5).ToString(CultureInfo.InvariantCulture)));
        }

        return entries;
    }

    [LoggerMessage(EventId = 1200, Level = LogLevel.Debug, Message = "Reminder '{ReminderName}' of {GrainId} was not removed: ETag {Etag} is not the stored one")]
    private static partial void LogRemoveRefused(ILogger logger, string reminderName, string grainId, string etag);
}
