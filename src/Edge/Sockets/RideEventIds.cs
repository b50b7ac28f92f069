using Rides.Edge.Protocol;
using Rides.Edge.Protocol.Models;
using Rides.Grains.Errors;
using Rides.Grains.Events;

namespace Rides.Edge.Sockets;

/// <summary>
/// Reads a client's <c>last_event_id</c>: the <c>event_id</c> of a ride status event
/// (<c>ride-status/{ride_id}/{seq}</c>), the only events kept in a persisted log to replay from.
/// </summary>
public static class RideEventIds
{
    /// <summary>The ride and sequence number of <paramref name="eventId"/>; VALIDATION_FAILED naming <paramref name="field"/> when it is not a ride event id.</summary>
    public static (string RideId, long Seq) Parse(string eventId, string field = "last_event_id")
    {
        if (!EventIds.TryParse(eventId, out var topic, out var seq) || topic.Namespace != Topics.RideStatusNamespace || seq < 0)
        {
            throw new RidesException(ErrorCodes.ValidationFailed, "The request is not valid.", $"{field} must be the event_id of a ride event (ride-status/{{ride_id}}/{{seq}})");
        }

        PayloadReader.CheckId(field, topic.Key);
        return (topic.Key, seq);
    }
}
