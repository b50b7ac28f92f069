using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;
using Rides.Runtime.Postgres.Schema;
using Rides.Runtime.Serialization;
using Rides.Runtime.Storage;

namespace Rides.Runtime.Postgres.Storage;

/// <summary>
/// Grain state in PostgreSQL (<c>rides_grain_state</c>), as jsonb written by the runtime's
/// <see cref="IWireSerializer"/>. Every write and clear is checked against the stored version,
/// as Orleans' ADO.NET provider does: the ETag is the integer version; a write with no ETag
/// inserts, a write with an ETag updates only the row still at that version, and a mismatch
/// throws <see cref="InconsistentStateException"/> without changing the row.
/// </summary>
/// <remarks>
/// Clearing keeps a tombstone row (no payload, version bumped), so an ETag read before a clear
/// can never match a record written after it. jsonb cannot hold the character U+0000.
/// </remarks>
public sealed partial class PostgresGrainStorage : IGrainStorage
{
    private const string ReadSql =
        "SELECT payload, version FROM rides_grain_state WHERE grain_type = $1 AND grain_key = $2 AND state_name = $3";

    private const string InsertSql =
        """
        INSERT INTO rides_grain_state (grain_type, grain_key, state_name, payload, version)
        VALUES ($1, $2, $3, $4, 1)
        ON CONFLICT (grain_type, grain_key, state_name) DO UPDATE
            SET payload = EXCLUDED.payload, version = rides_grain_state.version + 1, modified_on = now()
            WHERE rides_grain_state.payload IS NULL
        RETURNING version
        """;

    private const string UpdateSql =
        """
        UPDATE rides_grain_state SET payload = $4, version = version + 1, modified_on = now()
        WHERE grain_type = $1 AND grain_key = $2 AND state_name = $3 AND version = $5 AND payload IS NOT NULL
        RETURNING version
        """;

    private const string ClearSql =
        """
        UPDATE rides_grain_state SET payload = NULL, version = version + 1, modified_on = now()
        WHERE grain_type = $1 AND grain_key = $2 AND state_name = $3 AND version = $4 AND payload IS NOT NULL
        RETURNING version
        """;

    private const string StoredVersionSql =
        "SELECT version FROM rides_grain_state WHERE grain_type = $1 AND grain_key = $2 AND state_name = $3 AND payload IS NOT NULL";

    private readonly NpgsqlDataSource _dataSource;
    private readonly IWireSerializer _serializer;
    private readonly ILogger _logger;

    /// <summary>Creates the provider.</summary>
    /// <param name="name">The provider's registered name (for logs).</param>
    /// <param name="dataSource">The database; its search path chooses the schema.</param>
    /// <param name="serializer">Turns state into JSON and back.</param>
    /// <param name="logger">Where to log; optional.</param>
    public PostgresGrainStorage(string name, NpgsqlDataSource dataSource, IWireSerializer serializer, ILogger<PostgresGrainStorage>? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(serializer);
        Name = name;
        _dataSource = dataSource;
        _serializer = serializer;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>The provider's registered name.</summary>
    public string Name { get; }

    /// <summary>Creates the schema if needed (also done lazily before the first use).</summary>
    public Task InitializeAsync(CancellationToken cancellationToken = default) =>
        PostgresSchemaInstaller.EnsureInstalledAsync(_dataSource, _logger, cancellationToken);

    /// <inheritdoc />
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken = default)
    {
        Validate(stateName, grainState);
        await InitializeAsync(cancellationToken).ConfigureAwait(false);

        await using var command = CreateCommand(ReadSql, grainId, stateName);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false) && !await reader.IsDBNullAsync(0, cancellationToken).ConfigureAwait(false))
        {
            var payload = await reader.GetFieldValueAsync<byte[]>(0, cancellationToken).ConfigureAwait(false);
            grainState.State = _serializer.Deserialize<T>(payload);
            grainState.ETag = reader.GetInt64(1).ToString(CultureInfo.InvariantCulture);
            grainState.RecordExists = true;
        }
        else
        {
            grainState.ETag = null;
            grainState.RecordExists = false;
        }
    }

    /// <inheritdoc />
    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken = default)
    {
        Validate(stateName, grainState);
        var expected = ParseEtag(grainState.ETag);
        var payload = _serializer.Serialize(grainState.State);
        await InitializeAsync(cancellationToken).ConfigureAwait(false);

        await using var command = CreateCommand(expected is null ? InsertSql : UpdateSql, grainId, stateName);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = payload });
        if (expected is not null)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = expected.Value });
        }

        var version = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        if (version is not long newVersion)
        {
            throw await StaleAsync(grainId, stateName, grainState.ETag, cancellationToken).ConfigureAwait(false);
        }

        grainState.ETag = newVersion.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    /// <inheritdoc />
    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken = default)
    {
        Validate(stateName, grainState);
        var expected = ParseEtag(grainState.ETag);
        await InitializeAsync(cancellationToken).ConfigureAwait(false);

        if (expected is null)
        {
            // Nothing to clear is fine; a record someone else wrote is not ours to remove.
            await using var probe = CreateCommand(StoredVersionSql, grainId, stateName);
            if (await probe.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long stored)
            {
                throw Stale(grainId, stateName, stored, null);
            }
        }
        else
        {
            await using var command = CreateCommand(ClearSql, grainId, stateName);
            command.Parameters.Add(new NpgsqlParameter { Value = expected.Value });
            if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not long)
            {
                throw await StaleAsync(grainId, stateName, grainState.ETag, cancellationToken).ConfigureAwait(false);
            }
        }

        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private NpgsqlCommand CreateCommand(string sql, GrainId grainId, string stateName)
    {
        var command = _dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = grainId.Type });
        command.Parameters.Add(new NpgsqlParameter { Value = grainId.Key });
        command.Parameters.Add(new NpgsqlParameter { Value = stateName });
        return command;
    }

    private async Task<InconsistentStateException> StaleAsync(GrainId grainId, string stateName, string? currentEtag, CancellationToken cancellationToken)
    {
        await using var probe = CreateCommand(StoredVersionSql, grainId, stateName);
        var stored = await probe.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as long?;
        return Stale(grainId, stateName, stored, currentEtag);
    }

    private InconsistentStateException Stale(GrainId grainId, string stateName, long? stored, string? current)
    {
        var storedText = stored?.ToString(CultureInfo.InvariantCulture);
        LogVersionConflict(_logger, Name, stateName, grainId.ToString(), storedText ?? "none", current ?? "none");
        return new InconsistentStateException(
            $"Version conflict writing state '{stateName}' of {grainId}: stored version {storedText ?? "none"}, expected {current ?? "none"}.",
            storedText,
            current);
    }

    private static long? ParseEtag(string? etag)
    {
        if (etag is null)
        {
            return null;
        }

        if (!long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version <= 0)
        {
            throw new FormatException($"'{etag}' is not an ETag of the PostgreSQL grain storage (a positive integer version).");
        }

        return version;
    }

    private static void Validate<T>(string stateName, IGrainState<T> grainState)
    {
        ArgumentException.ThrowIfNullOrEmpty(stateName);
        ArgumentNullException.ThrowIfNull(grainState);
    }

    [LoggerMessage(EventId = 1100, Level = LogLevel.Debug, Message = "Storage {Provider}: version conflict on state '{StateName}' of {GrainId}: stored {Stored}, expected {Expected}")]
    private static partial void LogVersionConflict(ILogger logger, string provider, string stateName, string grainId, string stored, string expected);
}
