using System.Text.Json;

namespace Rides.Edge.Protocol.Payloads;

/// <summary><c>{ride_id, pin?}</c>: start_ride; the PIN is the rider's 4 digits where the deployment requires it.</summary>
/// <param name="RideId">The ride.</param>
/// <param name="Pin">The trip PIN the rider shows.</param>
public sealed record StartRidePayload(string RideId, string? Pin)
{
    internal static StartRidePayload Read(JsonElement json, string what = "payload")
    {
        var reader = new PayloadReader(json, what);
        var payload = new StartRidePayload(reader.Id("ride_id"), reader.OptionalText("pin", 16));
        reader.ThrowIfInvalid();
        return payload;
    }
}
