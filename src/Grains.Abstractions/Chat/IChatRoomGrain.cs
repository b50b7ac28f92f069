using Rides.Grains.Events;
using Orleans.Concurrency;

namespace Rides.Grains.Chat;

/// <summary>
/// The chat room of a ride, keyed by the ride id. Open to the ride's rider and assigned driver
/// (staff may read); read-only once the ride is completed or canceled. Messages are stored
/// append-only (not in grain state) and published on <see cref="Topics.RideChat"/>;
/// typing and read receipts are published only.
/// </summary>
[Alias("rides.IChatRoomGrain")]
public interface IChatRoomGrain : IGrainWithStringKey
{
    /// <summary>
    /// Stores and publishes a message (seed 000's <c>send_chat_message</c>). Refusals: RIDE_NOT_FOUND,
    /// NOT_A_PARTICIPANT, CHAT_READ_ONLY, VALIDATION_FAILED (empty or longer than
    /// <see cref="ChatLimits.MaxMessageLength"/>), RATE_LIMITED (more than 5 a minute).
    /// </summary>
    Task<ChatMessage> Send(Caller caller, string text);

    /// <summary>A page of history (seed 000's <c>get_ride_chats</c>). Refusals: RIDE_NOT_FOUND, NOT_A_PARTICIPANT, VALIDATION_FAILED.</summary>
    [ReadOnly]
    Task<ChatPage> GetMessages(Caller caller, ChatPageRequest page);

    /// <summary>Publishes a typing indicator (seed 003). Refusals: NOT_A_PARTICIPANT, CHAT_READ_ONLY.</summary>
    [AlwaysInterleave]
    Task SetTyping(Caller caller, bool isTyping);

    /// <summary>Publishes a read receipt for a stored message (seed 003). Refusals: NOT_A_PARTICIPANT, MESSAGE_NOT_FOUND.</summary>
    [AlwaysInterleave]
    Task MarkRead(Caller caller, long messageId);
}
