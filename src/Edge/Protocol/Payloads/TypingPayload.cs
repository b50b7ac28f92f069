using System.Text.Json;

namespace Rides.Edge.Protocol.Payloads;

/// <summary><c>{ride_id | conversation_id, is_typing}</c>: typing_indicator (seed 003).</summary>
/// <param name="Room">The room.</param>
/// <param name="IsTyping">Started (true) or stopped (false).</param>
public sealed record TypingPayload(RoomRef Room, bool IsTyping)
{
    internal static TypingPayload Read(JsonElement json)
    {
        var reader = new PayloadReader(json);
        var payload = new TypingPayload(RoomRef.Read(reader), reader.Boolean("is_typing"));
        reader.ThrowIfInvalid();
        return payload;
    }
}
