using Rides.Grains.Riders;
using Rides.Grains.Rides;

namespace Rides.Grains.Drivers;

/// <summary>A ride offered to a driver (seed 000's <c>new_ride_request</c> payload, plus the offer's expiry).</summary>
/// <param name="RideId">The ride.</param>
/// <param name="Pickup">Pickup place.</param>
/// <param name="Destination">Destination place.</param>
/// <param name="VehicleType">The vehicle class asked for.</param>
/// <param name="FareEstimate">The estimated fare.</param>
/// <param name="Currency">ISO 4217 currency code.</param>
/// <param name="Rider">Rider name and rating (seed 000's <c>rider_info</c>).</param>
/// <param name="DistanceToPickupMeters">The driver's straight-line distance to the pickup when offered.</param>
/// <param name="Round">The dispatch batch (1-based).</param>
/// <param name="ExpiresAt">After this the offer cannot be accepted.</param>
[GenerateSerializer, Immutable, Alias("rides.RideOffer")]
public sealed record RideOffer(
    string RideId,
    Place Pickup,
    Place Destination,
    VehicleType VehicleType,
    decimal FareEstimate,
    string Currency,
    RiderInfo Rider,
    double DistanceToPickupMeters,
    int Round,
    DateTimeOffset ExpiresAt);
