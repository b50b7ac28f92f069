namespace Rides.Edge.Protocol.Payloads;

/// <summary>A chat room: a ride's room (<c>ride_id</c>) or a support conversation (<c>conversation_id</c>), exactly one.</summary>
/// <param name="RideId">The ride, for ride chat.</param>
/// <param name="ConversationId">The conversation, for support chat.</param>
public sealed record RoomRef(string? RideId, string? ConversationId)
{
    /// <summary>Whether this is a support conversation.</summary>
    public bool IsConversation => ConversationId is not null;

    internal static RoomRef Read(PayloadReader reader)
    {
        var rideId = reader.OptionalId("ride_id");
        var conversationId = reader.OptionalId("conversation_id");
        if (reader.Has("ride_id") == reader.Has("conversation_id"))
        {
            reader.Problem("ride_id", "or conversation_id is required (exactly one of them)");
        }

        return new RoomRef(rideId, conversationId);
    }
}
