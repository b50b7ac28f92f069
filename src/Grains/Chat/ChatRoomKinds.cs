namespace Rides.Grains.Chat;

/// <summary>The kinds of chat rooms in <see cref="IChatStore"/>.</summary>
public static class ChatRoomKinds
{
    /// <summary>The room of a ride (id = ride id).</summary>
    public const string Ride = "ride";

    /// <summary>A support conversation (id = conversation id).</summary>
    public const string Support = "support";
}
