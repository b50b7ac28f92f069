using System.Text.Json;
using Rides.Grains.Support;

namespace Rides.Edge.Protocol.Payloads;

/// <summary><c>{room_type}</c>: join_support_room (seed 003, staff and admins).</summary>
/// <param name="RoomType">general_support, emergency_support, driver_support or regulator_support.</param>
public sealed record SupportRoomPayload(SupportRoomType RoomType)
{
    internal static SupportRoomPayload Read(JsonElement json)
    {
        var reader = new PayloadReader(json);
        var text = reader.Text("room_type", 32);
        var roomType = SupportRoomType.General;
        if (text.Length > 0 && !SupportRoomTypeNames.TryParse(text, out roomType))
        {
            reader.Problem("room_type", "must be one of general_support, emergency_support, driver_support, regulator_support");
        }

        reader.ThrowIfInvalid();
        return new SupportRoomPayload(roomType);
    }
}
