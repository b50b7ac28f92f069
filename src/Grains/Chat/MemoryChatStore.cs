using System.Collections.Concurrent;

namespace Rides.Grains.Chat;

/// <summary>Chat messages in process memory: the embedded default and tests without a database.</summary>
public sealed class MemoryChatStore : IChatStore
{
    private readonly ConcurrentDictionary<(string Kind, string Id), List<ChatMessage>> _rooms = new();

    /// <inheritdoc />
    public Task<long> GetLastIdAsync(string roomKind, string roomId, CancellationToken cancellationToken = default)
    {
        var room = Room(roomKind, roomId);
        lock (room)
        {
            return Task.FromResult(room.Count == 0 ? 0L : room[^1].Id);
        }
    }

    /// <inheritdoc />
    public Task AppendAsync(string roomKind, ChatMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var room = Room(roomKind, message.RoomId);
        lock (room)
        {
            if (room.Count > 0 && room[^1].Id >= message.Id)
            {
                throw new ChatMessageIdConflictException($"Message {message.Id} already exists in {roomKind} room {message.RoomId}.");
            }

            room.Add(message);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<ChatPage> ReadPageAsync(string roomKind, string roomId, ChatPageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        var room = Room(roomKind, roomId);
        lock (room)
        {
            var newestFirst = room
                .Where(m => page.BeforeId is not { } before || m.Id < before)
                .Reverse()
                .Skip(page.Skip)
                .Take(page.Limit + 1)
                .ToList();
            var hasMore = newestFirst.Count > page.Limit;
            var messages = newestFirst.Take(page.Limit).Reverse().ToList();
            return Task.FromResult(new ChatPage(messages, hasMore));
        }
    }

    private List<ChatMessage> Room(string kind, string id) => _rooms.GetOrAdd((kind, id), _ => []);
}
