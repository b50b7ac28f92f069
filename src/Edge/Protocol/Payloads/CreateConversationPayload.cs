using System.Text.Json;
using Rides.Grains.Support;

namespace Rides.Edge.Protocol.Payloads;

/// <summary><c>{title, content, room_type?, conversation_id?}</c>: create_support_conversation (seed 003).</summary>
/// <param name="Title">1 to 120 characters.</param>
/// <param name="Content">The first message, 1 to 1000 characters.</param>
/// <param name="RoomType">general_support (default), emergency_support, driver_support, regulator_support.</param>
/// <param name="ConversationId">Optional client-chosen id, for safe retries.</param>
public sealed record CreateConversationPayload(string Title, string Content, SupportRoomType RoomType, string? ConversationId)
{
    /// <summary>The conversation grain's form.</summary>
    public CreateSupportConversation ToRequest() => new(Title, Content, RoomType);

    internal static CreateConversationPayload Read(JsonElement json)
    {
        var reader = new PayloadReader(json);
        var title = reader.Text("title", PayloadLimits.MaxTitleLength);
        var content = reader.Text("content", PayloadLimits.MaxChatMessageLength);
        var roomType = SupportRoomType.General;
        var roomText = reader.OptionalText("room_type", 32);
        if (roomText is not null && !SupportRoomTypeNames.TryParse(roomText, out roomType))
        {
            reader.Problem("room_type", "must be one of general_support, emergency_support, driver_support, regulator_support");
        }

        var payload = new CreateConversationPayload(title, content, roomType, reader.OptionalId("conversation_id"));
        reader.ThrowIfInvalid();
        return payload;
    }
}
