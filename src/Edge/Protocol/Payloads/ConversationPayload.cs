using System.Text.Json;

namespace Rides.Edge.Protocol.Payloads;

/// <summary><c>{conversation_id}</c>: join_conversation, leave_conversation, close_conversation (seed 003).</summary>
/// <param name="ConversationId">The conversation.</param>
public sealed record ConversationPayload(string ConversationId)
{
    internal static ConversationPayload Read(JsonElement json)
    {
        var reader = new PayloadReader(json);
        var payload = new ConversationPayload(reader.Id("conversation_id"));
        reader.ThrowIfInvalid();
        return payload;
    }
}
