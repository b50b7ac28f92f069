namespace Rides.Edge.Tests.Fuzz;

/// <summary>
/// The payload of every hub method (by <c>HubMethodNames</c>), with valid values aimed at the bystanders' ride and
/// conversation, so even a defect the edge missed could only reach a refusal of the rules. The REST bodies and the
/// dialect frames reuse these fields.
/// </summary>
public static class FuzzShapes
{
    /// <summary>Every field of a ride action: the ride id.</summary>
    public static FuzzField RideId(FuzzWorld world, bool foreign = true) =>
        new("ride_id", FieldKind.Id, true, RawJson.Str(world.Ride.RideId), Foreign: foreign ? world.ForeignRides : null);

    /// <summary>A conversation id.</summary>
    public static FuzzField ConversationId(FuzzWorld world, bool foreign = true) =>
        new("conversation_id", FieldKind.Id, true, RawJson.Str(world.ConversationId), Foreign: foreign ? world.ForeignConversations : null);

    /// <summary>A latitude and a longitude, heading and speed.</summary>
    public static IReadOnlyList<FuzzField> Location(FuzzWorld world) =>
    [
        new("latitude", FieldKind.Number, true, RawJson.Num(world.Ride.Area.Latitude), Min: -90, Max: 90),
        new("longitude", FieldKind.Number, true, RawJson.Num(world.Ride.Area.Longitude), Min: -180, Max: 180),
        new("heading", FieldKind.Number, false, "90", Min: 0, Max: 360),
        new("speed", FieldKind.Number, false, "8.5", Min: 0, Max: 100),
    ];

    /// <summary>A rating with a comment.</summary>
    public static IReadOnlyList<FuzzField> Rating(FuzzWorld world) =>
    [
        RideId(world),
        new("rating", FieldKind.Integer, true, "5", Min: 1, Max: 5),
        new("comment", FieldKind.Text, false, RawJson.Str("Great"), MaxLength: 1000),
    ];

    /// <summary>A ride request.</summary>
    public static IReadOnlyList<FuzzField> RideRequest(FuzzWorld world) =>
    [
        new("pickup", FieldKind.Place, true, world.Ride.Area.Pickup().ToJsonString()),
        new("destination", FieldKind.Place, true, world.Ride.Area.Destination().ToJsonString()),
        new("vehicle_type", FieldKind.Enum, false, RawJson.Str("standard"), MaxLength: 16, Unknown: ["limousine", "luxury", "car", "standard!", "xxl"]),
        new("notes", FieldKind.Text, false, RawJson.Str("Blue door"), MaxLength: 500),
        new("ride_id", FieldKind.Id, false, RawJson.Str(world.Ride.RideId), Foreign: [world.Ride.RideId]),
    ];

    /// <summary>The support room types that must be refused (aliases and casing).</summary>
    public static IReadOnlyList<string> UnknownRoomTypes { get; } = ["general", "emergency", "General_Support", "general_support ", "GENERAL_SUPPORT", "support", "driver"];

    /// <summary>Every hub method with its payload fields and the attackers that call it.</summary>
    public static IReadOnlyList<FuzzShape> Hub(FuzzWorld world)
    {
        ArgumentNullException.ThrowIfNull(world);
        string[] all = [.. FuzzWorld.AttackerRoles];
        var pageFields = new FuzzField[]
        {
            new("limit", FieldKind.Integer, false, "10", Min: 1, Max: 100),
            new("before_id", FieldKind.Integer, false, "5", Min: 1, Max: long.MaxValue),
        };
        return
        [
            new("authenticate", [new("token", FieldKind.Text, true, RawJson.Str("not-checked"), MaxLength: 8192)], all),
            new("go_online", [], all),
            new("go_offline", [], all),
            new("update_location", Location(world), all),
            new("accept_ride", [RideId(world)], all),
            new("decline_ride", [RideId(world)], all),
            new("driver_arrived", [RideId(world)], all),
            new("start_ride", [RideId(world), new("pin", FieldKind.Text, false, RawJson.Str("1234"), MaxLength: 16)], all),
            new("complete_ride", [RideId(world)], all),
            new("cancel_ride", [RideId(world), new("reason", FieldKind.Text, false, RawJson.Str("Changed my mind"), MaxLength: 200)], all),
            new("request_ride", RideRequest(world), all),
            new("join_ride_room", [RideId(world)], all),
            new("leave_ride_room", [RideId(world, foreign: false)], all),
            new("get_ride_state", [RideId(world)], all),
            new("get_missed_events", [RideId(world), new("after_seq", FieldKind.Integer, true, "0", Min: 0, Max: long.MaxValue)], all),
            new("send_chat_message", [RideId(world), new("message", FieldKind.Text, true, RawJson.Str("hello"), MaxLength: 1000)], all),
            new("send_chat_message/conversation", [ConversationId(world), new("content", FieldKind.Text, true, RawJson.Str("hello"), MaxLength: 1000)], all),
            new("get_ride_chats", [RideId(world), .. pageFields], all),
            new("typing_indicator", [RideId(world), new("is_typing", FieldKind.Boolean, true, "true")], all),
            new("typing_indicator/conversation", [ConversationId(world), new("is_typing", FieldKind.Boolean, true, "true")], all),
            new("mark_message_read", [RideId(world), new("message_id", FieldKind.MessageId, true, RawJson.Str(world.MessageId))], all),
            new("mark_message_read/conversation", [ConversationId(world), new("message_id", FieldKind.MessageId, true, world.MessageId)], all),
            new("rate_driver", Rating(world), all),
            new("rate_rider", Rating(world), all),
            new("ping", [new("timestamp", FieldKind.Text, false, RawJson.Str("2026-01-01T00:00:00Z"), MaxLength: 64)], all),
            new("create_support_conversation",
            [
                new("title", FieldKind.Text, true, RawJson.Str("Help"), MaxLength: 120),
                new("content", FieldKind.Text, true, RawJson.Str("Please help"), MaxLength: 1000),
                new("room_type", FieldKind.Enum, false, RawJson.Str("general_support"), MaxLength: 32, Unknown: UnknownRoomTypes),
                new("conversation_id", FieldKind.Id, false, RawJson.Str(world.ConversationId)),
            ], all),
            new("get_active_conversations", [], all),
            new("join_conversation", [ConversationId(world)], all),
            new("leave_conversation", [ConversationId(world, foreign: false)], all),
            new("get_conversation_messages", [ConversationId(world), new("limit", FieldKind.Integer, false, "10", Min: 1, Max: 100), new("skip", FieldKind.Integer, false, "0", Min: 0, Max: 100_000), new("before_id", FieldKind.Integer, false, "5", Min: 1, Max: long.MaxValue)], all),
            new("join_support_room", [new("room_type", FieldKind.Enum, true, RawJson.Str("general_support"), MaxLength: 32, Unknown: UnknownRoomTypes)], all),
            new("close_conversation", [ConversationId(world)], all),
        ];
    }
}
