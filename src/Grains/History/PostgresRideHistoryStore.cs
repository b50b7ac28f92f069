using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;
using Rides.Grains.Domain.History;
using Rides.Grains.Rides;
using Rides.Grains.Storage;

namespace Rides.Grains.History;

/// <summary>
/// Ride histories in PostgreSQL (table <c>rides_ride_history</c>, deploy/sql/21_ride_history.sql, created
/// on first use under an advisory lock). The connection string's search path chooses the schema.
/// Recording a ride is one insert (and the pruning of the owner's rows past the newest
/// <see cref="RideHistoryLimits.Kept"/>) in one round trip; a page is one indexed read.
/// </summary>
public sealed partial class PostgresRideHistoryStore : IRideHistoryStore, IAsyncDisposable
{
    private const long AdvisoryLockKey = 0x52_69_64_65_73_48_69_73; // "RidesHis"
    private const string SchemaResource = "Rides.Grains.Sql.21_ride_history.sql";

    // The stored shape of an entry: names in snake_case, enumerations by name, so that renaming a CLR
    // member or reordering an enumeration does not change what old rows mean.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
    };

    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresTableScript _table;

    /// <summary>Creates the store over <paramref name="connectionString"/>.</summary>
    public PostgresRideHistoryStore(string connectionString, ILogger<PostgresRideHistoryStore>? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _dataSource = NpgsqlDataSource.Create(connectionString);
        var log = (ILogger?)logger ?? NullLogger.Instance;
        _table = new PostgresTableScript(_dataSource, SchemaResource, AdvisoryLockKey, () => LogInstalled(log));
    }

    /// <inheritdoc />
    public async Task<bool> RecordAsync(string ownerKind, string ownerId, RideHistoryEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await _table.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var batch = _dataSource.CreateBatch();
        var insert = new NpgsqlBatchCommand("INSERT INTO rides_ride_history (owner_kind, owner_id, ride_id, entry) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING");
        insert.Parameters.Add(new NpgsqlParameter { Value = ownerKind });
        insert.Parameters.Add(new NpgsqlParameter { Value = ownerId });
        insert.Parameters.Add(new NpgsqlParameter { Value = entry.RideId });
        insert.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(entry, Json), NpgsqlDbType = NpgsqlDbType.Jsonb });
        var prune = new NpgsqlBatchCommand(
            """
            DELETE FROM rides_ride_history WHERE owner_kind = $1 AND owner_id = $2 AND seq <= (
                SELECT seq FROM rides_ride_history WHERE owner_kind = $1 AND owner_id = $2 ORDER BY seq DESC OFFSET $3 LIMIT 1)
            """);
        prune.Parameters.Add(new NpgsqlParameter { Value = ownerKind });
        prune.Parameters.Add(new NpgsqlParameter { Value = ownerId });
        prune.Parameters.Add(new NpgsqlParameter { Value = (long)RideHistoryLimits.Kept });
        batch.BatchCommands.Add(insert);
        batch.BatchCommands.Add(prune);
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return insert.RecordsAffected == 1;
    }

    /// <inheritdoc />
    public async Task<RideHistoryPage> ReadPageAsync(string ownerKind, string ownerId, int limit, int skip, CancellationToken cancellationToken = default)
    {
        RideHistory.CheckPage(limit, skip);
        await _table.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var batch = _dataSource.CreateBatch();
        var count = new NpgsqlBatchCommand("SELECT count(*) FROM rides_ride_history WHERE owner_kind = $1 AND owner_id = $2");
        count.Parameters.Add(new NpgsqlParameter { Value = ownerKind });
        count.Parameters.Add(new NpgsqlParameter { Value = ownerId });
        var page = new NpgsqlBatchCommand("SELECT entry FROM rides_ride_history WHERE owner_kind = $1 AND owner_id = $2 ORDER BY seq DESC OFFSET $3 LIMIT $4");
        page.Parameters.Add(new NpgsqlParameter { Value = ownerKind });
        page.Parameters.Add(new NpgsqlParameter { Value = ownerId });
        page.Parameters.Add(new NpgsqlParameter { Value = (long)skip });
        page.Parameters.Add(new NpgsqlParameter { Value = (long)limit });
        batch.BatchCommands.Add(count);
        batch.BatchCommands.Add(page);

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var total = (int)Math.Min(reader.GetInt64(0), RideHistoryLimits.Kept);
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        var rides = new List<RideHistoryEntry>(limit);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rides.Add(JsonSerializer.Deserialize<RideHistoryEntry>(reader.GetString(0), Json)
                ?? throw new InvalidOperationException($"A null history entry of {ownerKind} {ownerId}."));
        }

        return new RideHistoryPage(rides, total, skip, limit);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Ride history schema ready (rides_ride_history)")]
    private static partial void LogInstalled(ILogger logger);
}
