namespace Rides.Edge.Dialects.Seed003;

/// <summary>The answer to <c>join_support_room</c>.</summary>
/// <param name="Success">True.</param>
/// <param name="Message">e.g. "Joined general support room successfully".</param>
/// <param name="RoomId">e.g. <c>support:general_support</c>.</param>
/// <param name="RoomType">general_support, emergency_support, driver_support or regulator_support.</param>
/// <param name="Timestamp">When.</param>
public sealed record JoinedSupportRoomResponse(bool Success, string Message, string RoomId, string RoomType, DateTimeOffset Timestamp);
