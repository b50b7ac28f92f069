using Rides.Grains.Events;
using Orleans.Concurrency;

namespace Rides.Grains.Rides;

/// <summary>
/// A ride, keyed by its ride id (see <see cref="RideIds.New"/>). Owns the lifecycle and dispatch
/// of one ride: every change is checked, persisted, then published on
/// <see cref="Topics.RideStatus"/>. Errors are <see cref="Errors.RidesException"/> with codes
/// from <see cref="Errors.ErrorCodes"/>.
/// </summary>
[Alias("rides.IRideGrain")]
public interface IRideGrain : IGrainWithStringKey
{
    /// <summary>
    /// Creates the ride for the calling rider and starts dispatch. Repeating the same request
    /// for the same rider returns the existing ride. Refusals: FORBIDDEN (not a rider),
    /// VALIDATION_FAILED, RIDER_HAS_ACTIVE_RIDE, RIDE_ALREADY_EXISTS.
    /// </summary>
    Task<RideView> Create(Caller caller, RideRequest request);

    /// <summary>The ride as the caller may see it. Refusals: RIDE_NOT_FOUND, NOT_A_PARTICIPANT.</summary>
    [ReadOnly]
    Task<RideView> Get(Caller caller);

    /// <summary>
    /// The ride's status events with <see cref="RideStatusEvent.Seq"/> greater than
    /// <paramref name="afterSeq"/>, in order (for a reconnecting client). Refusals: RIDE_NOT_FOUND, NOT_A_PARTICIPANT.
    /// </summary>
    [ReadOnly]
    Task<IReadOnlyList<RideStatusEvent>> GetEventsAfter(Caller caller, long afterSeq);

    /// <summary>
    /// The calling driver accepts the ride offered to it (first acceptance wins, exactly once; the
    /// other offers are withdrawn). Refusals: FORBIDDEN, RIDE_NOT_FOUND, RIDE_ALREADY_ASSIGNED,
    /// RIDE_NOT_OFFERED, OFFER_EXPIRED, DRIVER_OFFLINE, DRIVER_BUSY, INVALID_TRANSITION (ride canceled).
    /// </summary>
    Task<RideView> Accept(Caller caller);

    /// <summary>The calling driver declines its offer; it is not offered this ride again. Refusals: RIDE_NOT_OFFERED.</summary>
    Task Decline(Caller caller);

    /// <summary>The assigned driver reports arrival at the pickup (arrivingToPickup → driverArrived).</summary>
    Task<RideView> MarkDriverArrived(Caller caller);

    /// <summary>
    /// The assigned driver starts the trip (arrivingToPickup or driverArrived → drivingToDestination).
    /// With <c>Rides:Trip:RequirePin</c> the rider's 4-digit PIN is needed: INVALID_PIN, then
    /// PIN_ATTEMPTS_EXCEEDED after too many wrong ones.
    /// </summary>
    Task<RideView> Start(Caller caller, string? pin = null);

    /// <summary>The assigned driver completes the trip; the view carries the final <see cref="RideView.Receipt"/>.</summary>
    Task<RideView> Complete(Caller caller);

    /// <summary>
    /// Cancels the ride from any non-terminal status: by its rider, its assigned driver (once
    /// accepted), staff/admin, or the system. Refusals: NOT_A_PARTICIPANT, INVALID_TRANSITION (already over).
    /// </summary>
    Task<RideView> Cancel(Caller caller, string? reason = null);

    /// <summary>The ride's rider rates the driver once after completion (RIDE_NOT_COMPLETED, ALREADY_RATED, VALIDATION_FAILED).</summary>
    Task<RatingResult> RateDriver(Caller caller, RatingRequest rating);

    /// <summary>The ride's driver rates the rider once after completion.</summary>
    Task<RatingResult> RateRider(Caller caller, RatingRequest rating);

    /// <summary>
    /// The ride's rider pays a completed ride; the amount must equal the final fare
    /// (PAYMENT_AMOUNT_MISMATCH). Idempotent by key: the same key returns the first receipt;
    /// another key after payment gives ALREADY_PAID.
    /// </summary>
    Task<PaymentReceipt> Pay(Caller caller, PaymentRequest payment);
}
