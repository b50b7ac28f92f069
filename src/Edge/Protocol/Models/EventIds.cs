using Rides.Runtime.Streams;

namespace Rides.Edge.Protocol.Models;

/// <summary>
/// Event ids: <c>{stream namespace}/{stream key}/{seq}</c>, e.g. <c>ride-status/ride_1a2b/3</c>. Unique per
/// event, the same for every recipient and on replay, so clients can drop duplicates by id.
/// </summary>
public static class EventIds
{
    /// <summary>The id of event <paramref name="seq"/> of stream <paramref name="stream"/>.</summary>
    public static string For(StreamId stream, long seq) => $"{stream.Namespace}/{stream.Key}/{seq}";
}
