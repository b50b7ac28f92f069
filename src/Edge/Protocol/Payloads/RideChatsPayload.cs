using System.Text.Json;

namespace Rides.Edge.Protocol.Payloads;

/// <summary><c>{ride_id, limit?, before_id?}</c>: get_ride_chats; the newest <c>limit</c> (default 50, at most 100) messages older than <c>before_id</c>.</summary>
/// <param name="RideId">The ride.</param>
/// <param name="Limit">Page size.</param>
/// <param name="BeforeId">Only messages with a smaller id.</param>
public sealed record RideChatsPayload(string RideId, int Limit, long? BeforeId)
{
    internal static RideChatsPayload Read(JsonElement json)
    {
        var reader = new PayloadReader(json);
        var payload = new RideChatsPayload(
            reader.Id("ride_id"),
            (int)(reader.OptionalInteger("limit", 1, PayloadLimits.MaxPageSize) ?? 50),
            reader.OptionalInteger("before_id", 1, long.MaxValue));
        reader.ThrowIfInvalid();
        return payload;
    }
}
