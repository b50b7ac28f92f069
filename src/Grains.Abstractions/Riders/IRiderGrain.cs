using Rides.Grains.Rides;
using Orleans.Concurrency;

namespace Rides.Grains.Riders;

/// <summary>
/// A rider, keyed by the rider's user id: profile, the one active ride, history, rating.
/// The second group of methods is called by <see cref="IRideGrain"/> and must not be exposed to apps.
/// </summary>
[Alias("rides.IRiderGrain")]
public interface IRiderGrain : IGrainWithStringKey
{
    /// <summary>The rider's view (the rider itself, or staff/admin/operator). Refusals: FORBIDDEN.</summary>
    [ReadOnly]
    Task<RiderView> Get(Caller caller);

    /// <summary>Sets the profile (the rider itself). Refusals: FORBIDDEN, VALIDATION_FAILED.</summary>
    Task<RiderView> UpdateProfile(Caller caller, RiderProfile profile);

    /// <summary>
    /// A page of the ended rides, newest first: <paramref name="limit"/> (1–100) after the <paramref name="skip"/>
    /// newest (0–100). The rider itself or staff/admin/operator. Refusals: FORBIDDEN, VALIDATION_FAILED.
    /// </summary>
    [ReadOnly]
    Task<RideHistoryPage> GetHistory(Caller caller, int limit = RideHistoryLimits.DefaultPage, int skip = 0);

    // ---- called by the ride grain ----

    /// <summary>
    /// Claims the rider's one active-ride slot for <paramref name="rideId"/> (idempotent for the same
    /// ride) and returns what drivers see of the rider. RIDER_HAS_ACTIVE_RIDE if another ride is active.
    /// <paramref name="defaultName"/> names a rider without a profile.
    /// </summary>
    Task<RiderInfo> BeginRide(string rideId, string? defaultName);

    /// <summary>Frees the active-ride slot and records the ride in the history. Idempotent.</summary>
    Task EndRide(RideHistoryEntry entry);

    /// <summary>Adds a driver's rating of a ride to the rider's average (once per ride).</summary>
    Task<RatingResult> AddRating(string rideId, int stars);
}
