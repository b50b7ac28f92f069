using System.Text.Json;

namespace Rides.Edge.Protocol.Payloads;

/// <summary>
/// send_chat_message: <c>{ride_id, message}</c> in a ride room (seed 000) or <c>{conversation_id, content}</c>
/// in a support conversation (seed 003). Text is 1 to 1000 characters.
/// </summary>
/// <param name="Room">The room.</param>
/// <param name="Text">The message text.</param>
public sealed record ChatMessagePayload(RoomRef Room, string Text)
{
    internal static ChatMessagePayload Read(JsonElement json)
    {
        var reader = new PayloadReader(json);
        var room = RoomRef.Read(reader);
        var field = reader.Has("content") && !reader.Has("message") ? "content" : "message";
        var payload = new ChatMessagePayload(room, reader.Text(field, PayloadLimits.MaxChatMessageLength));
        reader.ThrowIfInvalid();
        return payload;
    }
}
