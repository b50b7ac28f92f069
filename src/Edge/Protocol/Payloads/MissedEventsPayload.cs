using System.Text.Json;

namespace Rides.Edge.Protocol.Payloads;

/// <summary><c>{ride_id, after_seq}</c>: get_missed_events, the events a reconnecting client missed.</summary>
/// <param name="RideId">The ride.</param>
/// <param name="AfterSeq">The last sequence number the client holds (0 for everything).</param>
public sealed record MissedEventsPayload(string RideId, long AfterSeq)
{
    internal static MissedEventsPayload Read(JsonElement json)
    {
        var reader = new PayloadReader(json);
        var payload = new MissedEventsPayload(reader.Id("ride_id"), reader.Integer("after_seq", 0, long.MaxValue));
        reader.ThrowIfInvalid();
        return payload;
    }
}
