using Rides.Edge.Protocol.Events;

namespace Rides.Edge.Protocol.Responses;

/// <summary>The answer to <c>get_missed_events</c>: the ride's status events after the sequence number asked for, in order.</summary>
public sealed class MissedEventsResponse : HubResponse
{
    /// <summary>The ride.</summary>
    public required string RideId { get; init; }

    /// <summary>The events, each exactly as <c>ride_status_update</c> delivered it.</summary>
    public required IReadOnlyList<RideStatusUpdate> Events { get; init; }

    /// <summary>How many events.</summary>
    public int Count => Events.Count;

    /// <summary>The ride's last sequence number now.</summary>
    public required long LastSeq { get; init; }
}
