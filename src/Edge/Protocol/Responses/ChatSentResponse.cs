namespace Rides.Edge.Protocol.Responses;

/// <summary>The answer to <c>send_chat_message</c> (seed 000's <c>chat_id</c>; seed 003's <c>message_id</c>).</summary>
public sealed class ChatSentResponse : HubResponse
{
    /// <summary>The stored message's id.</summary>
    public required long ChatId { get; init; }

    /// <summary>The same id, as seed 003 names it.</summary>
    public long MessageId => ChatId;

    /// <summary>The ride, for ride chat.</summary>
    public string? RideId { get; init; }

    /// <summary>The conversation, for support chat.</summary>
    public string? ConversationId { get; init; }

    /// <summary>When stored.</summary>
    public required DateTimeOffset Timestamp { get; init; }
}
