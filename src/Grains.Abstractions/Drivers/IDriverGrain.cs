using Rides.Grains.Events;
using Rides.Grains.Rides;
using Orleans.Concurrency;

namespace Rides.Grains.Drivers;

/// <summary>
/// A driver, keyed by the driver's user id. The first group of methods is for the driver app
/// (through the edge, with the caller's identity); the second group is called by
/// <see cref="IRideGrain"/> during dispatch and trips and must not be exposed to apps.
/// </summary>
[Alias("rides.IDriverGrain")]
public interface IDriverGrain : IGrainWithStringKey
{
    /// <summary>Creates or replaces the profile (the driver itself, or admin). Refusals: FORBIDDEN, VALIDATION_FAILED.</summary>
    Task<DriverView> UpdateProfile(Caller caller, DriverProfile profile);

    /// <summary>The driver's view (the driver itself, staff, admin, operator). Refusals: FORBIDDEN.</summary>
    [ReadOnly]
    Task<DriverView> Get(Caller caller);

    /// <summary>
    /// Becomes available for offers (seed 000's <c>go_online</c>); a driver without a profile gets
    /// one named after the caller. Offers start once a fresh location is reported. Idempotent.
    /// </summary>
    Task<DriverView> GoOnline(Caller caller);

    /// <summary>Stops offers (seed 000's <c>go_offline</c>). Refusals: DRIVER_BUSY during an active ride. Idempotent.</summary>
    Task<DriverView> GoOffline(Caller caller);

    /// <summary>
    /// Reports the driver's position. At most one accepted update per second (RATE_LIMITED with the
    /// wait in the detail); DRIVER_OFFLINE when offline; VALIDATION_FAILED for out-of-range values.
    /// During an active ride the position is published on that ride's <see cref="Topics.RideLocation"/>.
    /// </summary>
    Task UpdateLocation(Caller caller, LocationUpdate update);

    /// <summary>
    /// A page of the driver's ended rides, newest first: <paramref name="limit"/> (1–100) after the
    /// <paramref name="skip"/> newest (0–100). The driver itself or staff/admin/operator. Refusals: FORBIDDEN, VALIDATION_FAILED.
    /// </summary>
    [ReadOnly]
    Task<RideHistoryPage> GetHistory(Caller caller, int limit = RideHistoryLimits.DefaultPage, int skip = 0);

    // ---- called by the edge ----

    /// <summary>
    /// A connection of this driver opened on an edge node (any protocol). Kept in memory: the edge reports
    /// every open and close, so the driver knows whether any app of it is still connected.
    /// </summary>
    Task AttachConnection(string connectionId);

    /// <summary>
    /// A connection of this driver closed. When it was the last one the driver goes offline (so it is neither
    /// offered rides nor counted online); during a ride it stays assigned and goes offline when the ride ends,
    /// unless a connection opened again meanwhile. Idempotent.
    /// </summary>
    Task DetachConnection(string connectionId);

    // ---- called by the ride grain ----

    /// <summary>
    /// Offers a ride. Publishes <c>new_ride_request</c> on <see cref="Topics.DriverOffers"/> and
    /// returns true, or returns false without publishing when the driver is offline, busy, of another
    /// vehicle class or its location is stale.
    /// </summary>
    Task<bool> Offer(RideOffer offer);

    /// <summary>Withdraws an offer (publishes a withdrawn event if the offer was pending). Idempotent.</summary>
    Task WithdrawOffer(string rideId, string reason);

    /// <summary>
    /// Assigns the ride to this driver, atomically with its availability: DRIVER_OFFLINE or
    /// DRIVER_BUSY if it cannot take it. Idempotent for the same ride.
    /// </summary>
    Task<DriverAssignment> Assign(string rideId);

    /// <summary>Starts the trip meter for the assigned ride.</summary>
    Task StartTrip(string rideId);

    /// <summary>The trip meter of the assigned ride so far (zero when the trip has not started).</summary>
    [ReadOnly]
    Task<TripMeterReading> ReadTripMeter(string rideId);

    /// <summary>Frees the driver from the ride (a failed acceptance) and returns the trip meter. Idempotent.</summary>
    Task<TripMeterReading> Release(string rideId);

    /// <summary>Frees the driver from the ended ride (completion or cancellation) and records it in the history. Idempotent.</summary>
    Task EndRide(RideHistoryEntry entry);

    /// <summary>Adds a rider's rating of a ride to the driver's average (once per ride).</summary>
    Task<RatingResult> AddRating(string rideId, int stars);
}
