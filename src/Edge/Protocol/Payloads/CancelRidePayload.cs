using System.Text.Json;

namespace Rides.Edge.Protocol.Payloads;

/// <summary><c>{ride_id, reason?}</c>: cancel_ride.</summary>
/// <param name="RideId">The ride.</param>
/// <param name="Reason">Why, at most 200 characters.</param>
public sealed record CancelRidePayload(string RideId, string? Reason)
{
    internal static CancelRidePayload Read(JsonElement json, string what = "payload")
    {
        var reader = new PayloadReader(json, what);
        var payload = new CancelRidePayload(reader.Id("ride_id"), reader.OptionalText("reason", PayloadLimits.MaxReasonLength));
        reader.ThrowIfInvalid();
        return payload;
    }
}
