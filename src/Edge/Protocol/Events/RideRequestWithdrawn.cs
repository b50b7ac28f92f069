using Rides.Grains.Events;
using Rides.Edge.Protocol.Models;
using Rides.Grains;

namespace Rides.Edge.Protocol.Events;

/// <summary><c>ride_request_withdrawn</c>: an earlier offer to this driver no longer stands.</summary>
public sealed record RideRequestWithdrawn
{
    /// <summary>The ride that was offered.</summary>
    public required string RideId { get; init; }

    /// <summary>accepted_by_another_driver, expired or ride_canceled.</summary>
    public required string Reason { get; init; }

    /// <summary>When.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>The event's sequence number on the driver's offer stream.</summary>
    public required long Seq { get; init; }

    /// <summary><c>driver-offers/{driver_id}/{seq}</c>.</summary>
    public required string EventId { get; init; }

    /// <summary>The wire form of a withdrawal sent to <paramref name="driverId"/>.</summary>
    public static RideRequestWithdrawn From(string driverId, string rideId, string? reason, DateTimeOffset at, long seq) => new()
    {
        RideId = rideId,
        Reason = reason ?? "withdrawn",
        Timestamp = at,
        Seq = seq,
        EventId = EventIds.For(Topics.DriverOffers(driverId), seq),
    };
}
