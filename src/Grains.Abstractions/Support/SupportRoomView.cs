namespace Rides.Grains.Support;

/// <summary>A staff support room: its id and its open conversations (seed 003's <c>join_support_room</c>).</summary>
/// <param name="RoomId">e.g. <c>support:general_support</c>.</param>
/// <param name="RoomType">The room type.</param>
/// <param name="OpenConversations">Active conversations of this type, newest activity first.</param>
[GenerateSerializer, Alias("rides.SupportRoomView")]
public sealed record SupportRoomView(string RoomId, SupportRoomType RoomType, IReadOnlyList<SupportConversationView> OpenConversations);
