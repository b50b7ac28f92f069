using System.Text.Json;

namespace Rides.Edge.Protocol.Payloads;

/// <summary><c>{conversation_id, limit?, skip?, before_id?}</c>: get_conversation_messages (seed 003).</summary>
/// <param name="ConversationId">The conversation.</param>
/// <param name="Limit">Page size, 1 to 100 (default 50).</param>
/// <param name="Skip">How many of the newest to skip.</param>
/// <param name="BeforeId">Only messages with a smaller id.</param>
public sealed record ConversationMessagesPayload(string ConversationId, int Limit, int Skip, long? BeforeId)
{
    internal static ConversationMessagesPayload Read(JsonElement json)
    {
        var reader = new PayloadReader(json);
        var payload = new ConversationMessagesPayload(
            reader.Id("conversation_id"),
            (int)(reader.OptionalInteger("limit", 1, PayloadLimits.MaxPageSize) ?? 50),
            (int)(reader.OptionalInteger("skip", 0, 100_000) ?? 0),
            reader.OptionalInteger("before_id", 1, long.MaxValue));
        reader.ThrowIfInvalid();
        return payload;
    }
}
