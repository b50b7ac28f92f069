using Rides.Grains.Events;

namespace Rides.Edge.Protocol.Models;

/// <summary>
/// Event ids: <c>{topic namespace}/{topic key}/{seq}</c>, e.g. <c>ride-status/ride_1a2b/3</c>. Unique per
/// event, the same for every recipient and on replay, so clients can drop duplicates by id.
/// </summary>
public static class EventIds
{
    /// <summary>The id of event <paramref name="seq"/> of topic <paramref name="topic"/>.</summary>
    public static string For(TopicId topic, long seq) => $"{topic.Namespace}/{topic.Key}/{seq}";

    /// <summary>Reads an event id back into its topic and sequence number; false when it is not one.</summary>
    public static bool TryParse(string? eventId, out TopicId topic, out long seq)
    {
        topic = default;
        seq = 0;
        var parts = eventId?.Split('/');
        if (parts is not [{ Length: > 0 } ns, { Length: > 0 } key, var number]
            || !long.TryParse(number, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out seq))
        {
            return false;
        }

        topic = new TopicId(ns, key);
        return true;
    }
}
