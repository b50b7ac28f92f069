using Rides.Grains.Events;
using Rides.Edge.Protocol.Models;
using Rides.Grains;
using Rides.Grains.Rides;

namespace Rides.Edge.Protocol.Events;

/// <summary><c>ride_status_update</c>: a ride's status changed (seed 000), with its per-ride <c>seq</c> and <c>event_id</c> (seed 001).</summary>
public sealed record RideStatusUpdate
{
    /// <summary>The ride.</summary>
    public required string RideId { get; init; }

    /// <summary>The new status.</summary>
    public required RideStatus Status { get; init; }

    /// <summary>The status before; absent for the first event.</summary>
    public RideStatus? PreviousStatus { get; init; }

    /// <summary>Seed 000's <c>data</c>: message, driver, eta, and cancellation or final fare where they apply.</summary>
    public required RideStatusUpdateData Data { get; init; }

    /// <summary>Minutes until pickup, on acceptance.</summary>
    public int? EtaMinutes { get; init; }

    /// <summary>The ride's event sequence number: 1 for the request, then consecutive.</summary>
    public required long Seq { get; init; }

    /// <summary><c>ride-status/{ride_id}/{seq}</c>.</summary>
    public required string EventId { get; init; }

    /// <summary>When it happened.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>The wire form of a ride's status event.</summary>
    public static RideStatusUpdate From(RideStatusEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new RideStatusUpdate
        {
            RideId = e.RideId,
            Status = e.Status,
            PreviousStatus = e.PreviousStatus,
            EtaMinutes = e.EtaMinutes,
            Seq = e.Seq,
            EventId = EventIds.For(Topics.RideStatus(e.RideId), e.Seq),
            Timestamp = e.At,
            Data = new RideStatusUpdateData
            {
                Message = e.Message,
                Driver = e.Driver,
                EtaMinutes = e.EtaMinutes,
                CanceledBy = e.Cancellation is null ? null : UserRoleNames.ToWire(e.Cancellation.CanceledBy),
                Reason = e.Cancellation?.Reason,
                Fare = e.Receipt?.Fare,
                Currency = e.Receipt?.Currency,
                Distance = e.Receipt?.DistanceKm,
                Duration = e.Receipt?.DurationSeconds,
            },
        };
    }
}
