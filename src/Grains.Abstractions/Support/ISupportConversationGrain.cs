using Rides.Grains.Events;
using Rides.Grains.Chat;
using Orleans.Concurrency;

namespace Rides.Grains.Support;

/// <summary>
/// A support conversation between a field user (rider or driver) and staff (seed 003), keyed by a
/// conversation id the creator chooses (see <see cref="SupportConversationIds.New"/>). Messages,
/// paging, typing and read receipts work as in ride chat, on <see cref="Topics.SupportChat"/>.
/// </summary>
[Alias("rides.ISupportConversationGrain")]
public interface ISupportConversationGrain : IGrainWithStringKey
{
    /// <summary>
    /// Opens the conversation with its first message (riders, drivers and queue regulators only: FORBIDDEN otherwise);
    /// announced to staff in the room of its type. Repeating the same create returns the conversation.
    /// </summary>
    Task<SupportConversationView> Create(Caller caller, CreateSupportConversation request);

    /// <summary>The conversation (participants; staff and admins may view any). Refusals: CONVERSATION_NOT_FOUND, NOT_A_PARTICIPANT.</summary>
    [ReadOnly]
    Task<SupportConversationView> Get(Caller caller);

    /// <summary>
    /// Joins the conversation room (seed 003's <c>join_conversation</c>): staff and admins become
    /// participants; field users must already be participants (NOT_A_PARTICIPANT).
    /// </summary>
    Task<SupportConversationView> Join(Caller caller);

    /// <summary>Sends a message (participants; CHAT_READ_ONLY once closed; RATE_LIMITED; VALIDATION_FAILED).</summary>
    Task<ChatMessage> Send(Caller caller, string text);

    /// <summary>A page of history (participants, or staff/admin).</summary>
    [ReadOnly]
    Task<ChatPage> GetMessages(Caller caller, ChatPageRequest page);

    /// <summary>Publishes a typing indicator (participants).</summary>
    Task SetTyping(Caller caller, bool isTyping);

    /// <summary>Publishes a read receipt for a stored message (participants; MESSAGE_NOT_FOUND).</summary>
    Task MarkRead(Caller caller, long messageId);

    /// <summary>Closes the conversation (its creator, or staff/admin). Idempotent.</summary>
    Task<SupportConversationView> Close(Caller caller);
}
