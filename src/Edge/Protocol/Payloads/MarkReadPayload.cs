using System.Text.Json;

namespace Rides.Edge.Protocol.Payloads;

/// <summary><c>{ride_id | conversation_id, message_id}</c>: mark_message_read (seed 003).</summary>
/// <param name="Room">The room.</param>
/// <param name="MessageId">The message read.</param>
public sealed record MarkReadPayload(RoomRef Room, long MessageId)
{
    internal static MarkReadPayload Read(JsonElement json)
    {
        var reader = new PayloadReader(json);
        var payload = new MarkReadPayload(RoomRef.Read(reader), reader.MessageId("message_id"));
        reader.ThrowIfInvalid();
        return payload;
    }
}
