using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;
using Rides.Grains.Storage;

namespace Rides.Grains.Chat;

/// <summary>
/// Chat messages in PostgreSQL (table <c>rides_chat_messages</c>, deploy/sql/20_chat.sql, created
/// on first use under an advisory lock). The connection string's search path chooses the schema.
/// </summary>
public sealed partial class PostgresChatStore : IChatStore, IAsyncDisposable
{
    private const long AdvisoryLockKey = 0x52_69_64_65_73_43_68_74; // "RidesCht"
    private const string UniqueViolation = "23505";
    private const string SchemaResource = "Rides.Grains.Sql.20_chat.sql";

    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresTableScript _table;

    /// <summary>Creates the store over <paramref name="connectionString"/>.</summary>
    public PostgresChatStore(string connectionString, ILogger<PostgresChatStore>? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _dataSource = NpgsqlDataSource.Create(connectionString);
        var log = (ILogger?)logger ?? NullLogger.Instance;
        _table = new PostgresTableScript(_dataSource, SchemaResource, AdvisoryLockKey, () => LogInstalled(log));
    }

    /// <summary>The DDL this store runs on first use.</summary>
    public static string SchemaSql { get; } = PostgresTableScript.Read(SchemaResource);

    /// <inheritdoc />
    public async Task<long> GetLastIdAsync(string roomKind, string roomId, CancellationToken cancellationToken = default)
    {
        await EnsureInstalledAsync(cancellationToken).ConfigureAwait(false);
        await using var command = _dataSource.CreateCommand(
            "SELECT coalesce(max(message_id), 0) FROM rides_chat_messages WHERE room_kind = $1 AND room_id = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = roomKind });
        command.Parameters.Add(new NpgsqlParameter { Value = roomId });
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <inheritdoc />
    public async Task AppendAsync(string roomKind, ChatMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        await EnsureInstalledAsync(cancellationToken).ConfigureAwait(false);
        await using var command = _dataSource.CreateCommand(
            "INSERT INTO rides_chat_messages (room_kind, room_id, message_id, sender_id, sender_role, body, sent_at) VALUES ($1, $2, $3, $4, $5, $6, $7)");
        command.Parameters.Add(new NpgsqlParameter { Value = roomKind });
        command.Parameters.Add(new NpgsqlParameter { Value = message.RoomId });
        command.Parameters.Add(new NpgsqlParameter { Value = message.Id });
        command.Parameters.Add(new NpgsqlParameter { Value = message.SenderId });
        command.Parameters.Add(new NpgsqlParameter { Value = UserRoleNames.ToWire(message.SenderRole) });
        command.Parameters.Add(new NpgsqlParameter { Value = message.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = message.SentAt.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException ex) when (ex.SqlState == UniqueViolation)
        {
            throw new ChatMessageIdConflictException($"Message {message.Id} already exists in {roomKind} room {message.RoomId}.");
        }
    }

    /// <inheritdoc />
    public async Task<ChatPage> ReadPageAsync(string roomKind, string roomId, ChatPageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        await EnsureInstalledAsync(cancellationToken).ConfigureAwait(false);
        await using var command = _dataSource.CreateCommand(
            """
            SELECT message_id, sender_id, sender_role, body, sent_at FROM rides_chat_messages
            WHERE room_kind = $1 AND room_id = $2 AND message_id < $3
            ORDER BY message_id DESC OFFSET $4 LIMIT $5
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = roomKind });
        command.Parameters.Add(new NpgsqlParameter { Value = roomId });
        command.Parameters.Add(new NpgsqlParameter { Value = page.BeforeId ?? long.MaxValue });
        command.Parameters.Add(new NpgsqlParameter { Value = (long)page.Skip });
        command.Parameters.Add(new NpgsqlParameter { Value = (long)page.Limit + 1 });
        var newestFirst = new List<ChatMessage>(page.Limit + 1);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                UserRoleNames.TryParse(reader.GetString(2), out var role);
                newestFirst.Add(new ChatMessage(
                    reader.GetInt64(0),
                    roomId,
                    reader.GetString(1),
                    role,
                    reader.GetString(3),
                    new DateTimeOffset(reader.GetFieldValue<DateTime>(4), TimeSpan.Zero)));
            }
        }

        var hasMore = newestFirst.Count > page.Limit;
        var messages = newestFirst.Take(page.Limit).Reverse().ToList();
        return new ChatPage(messages, hasMore);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private Task EnsureInstalledAsync(CancellationToken cancellationToken) => _table.EnsureAsync(cancellationToken);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Chat schema ready (rides_chat_messages)")]
    private static partial void LogInstalled(ILogger logger);
}
