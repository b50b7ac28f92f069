namespace Rides.Grains.Chat;

/// <summary>
/// Append-only message storage of chat rooms. A room is a kind (<see cref="ChatRoomKinds"/>) and
/// an id. Message ids are dense per room and assigned by the room's single grain activation; a
/// second writer of the same id gets <see cref="ChatMessageIdConflictException"/>.
/// </summary>
public interface IChatStore
{
    /// <summary>The highest message id of the room (0 when empty).</summary>
    Task<long> GetLastIdAsync(string roomKind, string roomId, CancellationToken cancellationToken = default);

    /// <summary>Stores a message under its id; throws <see cref="ChatMessageIdConflictException"/> if the id is taken.</summary>
    Task AppendAsync(string roomKind, ChatMessage message, CancellationToken cancellationToken = default);

    /// <summary>The newest <see cref="ChatPageRequest.Limit"/> messages below <see cref="ChatPageRequest.BeforeId"/> after skipping <see cref="ChatPageRequest.Skip"/>, oldest first.</summary>
    Task<ChatPage> ReadPageAsync(string roomKind, string roomId, ChatPageRequest page, CancellationToken cancellationToken = default);
}
