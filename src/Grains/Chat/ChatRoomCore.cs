using Rides.Grains.Domain.Limits;
using Rides.Grains.Domain.Validation;
using Rides.Grains.Errors;

namespace Rides.Grains.Chat;

/// <summary>
/// What ride rooms and support conversations share: dense message ids, the per-user rate limit,
/// append-only storage, paging, and the message/typing/read events. Owned by one grain activation.
/// </summary>
internal sealed class ChatRoomCore(string kind, string roomId, IChatStore store, Func<ChatEvent, Task> publish, TimeProvider time)
{
    private const int MaxAppendAttempts = 3;

    private readonly KeyedLimiter _limiter = new(ChatLimits.MessagesPerWindow, ChatLimits.RateWindow);
    private long? _lastId;

    /// <summary>Stores and publishes a message whose text is already normalized; RATE_LIMITED past 5 a minute per user.</summary>
    public async Task<ChatMessage> SendAsync(Caller caller, string text)
    {
        var now = Now();
        if (!_limiter.TryAcquire(caller.UserId, now, out var retryAfter))
        {
            throw DomainErrors.RateLimited("chat messages", retryAfter);
        }

        for (var attempt = 0; attempt < MaxAppendAttempts; attempt++)
        {
            _lastId ??= await store.GetLastIdAsync(kind, roomId);
            var message = new ChatMessage(_lastId.Value + 1, roomId, caller.UserId, caller.Role, text, now);
            try
            {
                await store.AppendAsync(kind, message);
            }
            catch (ChatMessageIdConflictException)
            {
                // Another activation of this room wrote first (a brief duplicate in a cluster): reload and retry.
                _lastId = null;
                continue;
            }

            _lastId = message.Id;
            await publish(new ChatEvent(ChatEventKind.Message, roomId, caller.UserId, caller.Role, now, Message: message));
            return message;
        }

        throw new RidesException(ErrorCodes.Conflict, "The message could not be stored; try again.");
    }

    /// <summary>A page of history.</summary>
    public Task<ChatPage> ReadAsync(ChatPageRequest page) => store.ReadPageAsync(kind, roomId, page);

    /// <summary>The newest message, if any.</summary>
    public async Task<ChatMessage?> LastAsync()
    {
        var page = await store.ReadPageAsync(kind, roomId, new ChatPageRequest(1));
        return page.Messages.Count == 0 ? null : page.Messages[0];
    }

    /// <summary>Publishes a typing indicator.</summary>
    public Task PublishTypingAsync(Caller caller, bool isTyping) =>
        publish(new ChatEvent(ChatEventKind.Typing, roomId, caller.UserId, caller.Role, Now(), IsTyping: isTyping));

    /// <summary>Publishes a read receipt; MESSAGE_NOT_FOUND unless the id is a stored message.</summary>
    public async Task PublishReadAsync(Caller caller, long messageId)
    {
        _lastId ??= await store.GetLastIdAsync(kind, roomId);
        if (messageId < 1 || messageId > _lastId.Value)
        {
            throw new RidesException(ErrorCodes.MessageNotFound, "Message not found.", $"message_id: {messageId}");
        }

        await publish(new ChatEvent(ChatEventKind.Read, roomId, caller.UserId, caller.Role, Now(), MessageId: messageId));
    }

    // Stored timestamps are kept to the millisecond, so what Send returns equals what a page reads back.
    private DateTimeOffset Now()
    {
        var now = time.GetUtcNow();
        return new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }
}
