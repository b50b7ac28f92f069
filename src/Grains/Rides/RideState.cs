using Rides.Grains.Drivers;
using Rides.Grains.Riders;

namespace Rides.Grains.Rides;

/// <summary>The persisted state of a ride grain.</summary>
public sealed class RideState
{
    /// <summary>The rider.</summary>
    public RiderInfo? Rider { get; set; }

    /// <summary>The original request (for idempotent creates).</summary>
    public RideRequest? Request { get; set; }

    /// <summary>The fare estimate made at request.</summary>
    public FareEstimate? Estimate { get; set; }

    /// <summary>The current status.</summary>
    public RideStatus Status { get; set; }

    /// <summary>The assigned driver.</summary>
    public DriverInfo? Driver { get; set; }

    /// <summary>Minutes to pickup at acceptance.</summary>
    public int? EtaMinutes { get; set; }

    /// <summary>The trip PIN, generated at acceptance.</summary>
    public string? Pin { get; set; }

    /// <summary>Wrong PINs given so far.</summary>
    public int PinFailures { get; set; }

    /// <summary>When requested.</summary>
    public DateTimeOffset RequestedAt { get; set; }

    /// <summary>When accepted.</summary>
    public DateTimeOffset? AcceptedAt { get; set; }

    /// <summary>When the driver arrived.</summary>
    public DateTimeOffset? ArrivedAt { get; set; }

    /// <summary>When the trip started.</summary>
    public DateTimeOffset? StartedAt { get; set; }

    /// <summary>When the ride ended.</summary>
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Who canceled and why.</summary>
    public CancellationInfo? Cancellation { get; set; }

    /// <summary>The final figures.</summary>
    public RideReceipt? Receipt { get; set; }

    /// <summary>The rider's rating of the driver.</summary>
    public int? DriverRating { get; set; }

    /// <summary>The rider's comment with that rating.</summary>
    public string? DriverRatingComment { get; set; }

    /// <summary>The driver's rating of the rider.</summary>
    public int? RiderRating { get; set; }

    /// <summary>The recorded payment.</summary>
    public PaymentReceipt? Payment { get; set; }

    /// <summary>The last status event's sequence number.</summary>
    public long Seq { get; set; }

    /// <summary>Every status event, in order (a ride has a handful).</summary>
    public List<RideStatusEvent> Events { get; set; } = [];

    /// <summary>The current (or last) dispatch batch, 1-based.</summary>
    public int Round { get; set; }

    /// <summary>When the current batch's offers expire.</summary>
    public DateTimeOffset? RoundExpiresAt { get; set; }

    /// <summary>Drivers offered the ride in the current batch and not declined.</summary>
    public List<string> Offered { get; set; } = [];

    /// <summary>Every driver ever offered the ride (never offered again).</summary>
    public List<string> EverOffered { get; set; } = [];

    /// <summary>Drivers who declined.</summary>
    public List<string> Declined { get; set; } = [];

    /// <summary>Whether the driver, rider and counters were told the ride ended.</summary>
    public bool Settled { get; set; }
}
