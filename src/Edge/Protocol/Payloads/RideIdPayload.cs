using System.Text.Json;

namespace Rides.Edge.Protocol.Payloads;

/// <summary><c>{ride_id}</c>: accept_ride, decline_ride, driver_arrived, complete_ride, join_ride_room, leave_ride_room, get_ride_state.</summary>
/// <param name="RideId">The ride.</param>
public sealed record RideIdPayload(string RideId)
{
    internal static RideIdPayload Read(JsonElement json, string what = "payload")
    {
        var reader = new PayloadReader(json, what);
        var payload = new RideIdPayload(reader.Id("ride_id"));
        reader.ThrowIfInvalid();
        return payload;
    }
}
