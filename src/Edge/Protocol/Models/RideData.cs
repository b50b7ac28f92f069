using Rides.Grains;
using Rides.Grains.Drivers;
using Rides.Grains.Riders;
using Rides.Grains.Rides;

namespace Rides.Edge.Protocol.Models;

/// <summary>
/// A ride as a participant sees it: seed 000's <c>ride_data</c> (status, pickup, destination, driver; on
/// completion fare, distance, duration), plus the sequence number of its last event for resuming.
/// </summary>
public sealed record RideData
{
    /// <summary>The ride id (also as <c>ride_id</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The ride id.</summary>
    public required string RideId { get; init; }

    /// <summary>findingDriver, arrivingToPickup, driverArrived, drivingToDestination, completed or canceled.</summary>
    public required RideStatus Status { get; init; }

    /// <summary>Where the rider is picked up.</summary>
    public required Place Pickup { get; init; }

    /// <summary>Where the ride goes.</summary>
    public required Place Destination { get; init; }

    /// <summary>standard, premium, xl or moto.</summary>
    public required VehicleType VehicleType { get; init; }

    /// <summary>The rider's notes for the driver.</summary>
    public string? Notes { get; init; }

    /// <summary>The rider.</summary>
    public required RiderInfo Rider { get; init; }

    /// <summary>The assigned driver, from acceptance on.</summary>
    public DriverInfo? Driver { get; init; }

    /// <summary>Minutes until the driver reaches the pickup.</summary>
    public int? EtaMinutes { get; init; }

    /// <summary>The fare estimated at request time.</summary>
    public required decimal FareEstimate { get; init; }

    /// <summary>ISO 4217 currency of the fares.</summary>
    public required string Currency { get; init; }

    /// <summary>Estimated trip duration in minutes.</summary>
    public required int EstimatedDuration { get; init; }

    /// <summary>Estimated trip distance in kilometres.</summary>
    public required double EstimatedDistance { get; init; }

    /// <summary>The final fare, once completed.</summary>
    public decimal? Fare { get; init; }

    /// <summary>The distance driven in kilometres, once completed.</summary>
    public double? Distance { get; init; }

    /// <summary>The trip time in seconds, once completed.</summary>
    public int? Duration { get; init; }

    /// <summary>The trip PIN: only in the rider's view and only until the trip starts.</summary>
    public string? Pin { get; init; }

    /// <summary>Whether <c>start_ride</c> needs the PIN.</summary>
    public bool PinRequired { get; init; }

    /// <summary>Who canceled and why, when canceled.</summary>
    public CancellationInfo? Cancellation { get; init; }

    /// <summary>When requested.</summary>
    public DateTimeOffset RequestedAt { get; init; }

    /// <summary>When accepted.</summary>
    public DateTimeOffset? AcceptedAt { get; init; }

    /// <summary>When the driver arrived at the pickup.</summary>
    public DateTimeOffset? ArrivedAt { get; init; }

    /// <summary>When the trip started.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When the ride completed or was canceled.</summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>Whether the rider has rated the driver.</summary>
    public bool DriverRated { get; init; }

    /// <summary>Whether the ride is paid.</summary>
    public bool Paid { get; init; }

    /// <summary>The sequence number of the ride's last event (resume with <c>get_missed_events</c> after it).</summary>
    public long LastSeq { get; init; }

    /// <summary>Builds the wire form of a grain's view (which already hides what the caller may not see).</summary>
    public static RideData From(RideView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new RideData
        {
            Id = view.RideId,
            RideId = view.RideId,
            Status = view.Status,
            Pickup = view.Pickup,
            Destination = view.Destination,
            VehicleType = view.VehicleType,
            Notes = view.Notes,
            Rider = view.Rider,
            Driver = view.Driver,
            EtaMinutes = view.EtaMinutes,
            FareEstimate = view.Estimate.Fare,
            Currency = view.Estimate.Currency,
            EstimatedDuration = view.Estimate.DurationMinutes,
            EstimatedDistance = view.Estimate.DistanceKm,
            Fare = view.Receipt?.Fare,
            Distance = view.Receipt?.DistanceKm,
            Duration = view.Receipt?.DurationSeconds,
            Pin = view.Pin,
            PinRequired = view.PinRequired,
            Cancellation = view.Cancellation,
            RequestedAt = view.RequestedAt,
            AcceptedAt = view.AcceptedAt,
            ArrivedAt = view.ArrivedAt,
            StartedAt = view.StartedAt,
            EndedAt = view.EndedAt,
            DriverRated = view.DriverRated,
            Paid = view.Payment is not null,
            LastSeq = view.LastSeq,
        };
    }
}
