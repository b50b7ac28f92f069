namespace Rides.Grains.Support;

/// <summary>A field user's request to open a support conversation (seed 003's <c>create_support_conversation</c>).</summary>
/// <param name="Title">1–200 characters; shown as "Support: {Title}".</param>
/// <param name="Content">The first message, 1 to <see cref="Chat.ChatLimits.MaxMessageLength"/> characters.</param>
/// <param name="RoomType">Which staff room sees it.</param>
[GenerateSerializer, Alias("rides.CreateSupportConversation")]
public sealed record CreateSupportConversation(string Title, string Content, SupportRoomType RoomType = SupportRoomType.General);
