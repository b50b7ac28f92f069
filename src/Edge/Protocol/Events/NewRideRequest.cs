using Rides.Grains.Events;
using Rides.Edge.Protocol.Models;
using Rides.Grains;
using Rides.Grains.Drivers;
using Rides.Grains.Riders;
using Rides.Grains.Rides;

namespace Rides.Edge.Protocol.Events;

/// <summary><c>new_ride_request</c>: a ride offered to this driver (seed 000), with the offer's expiry.</summary>
public sealed record NewRideRequest
{
    /// <summary>The ride to accept with <c>accept_ride</c>.</summary>
    public required string RideId { get; init; }

    /// <summary>Pickup.</summary>
    public required Place Pickup { get; init; }

    /// <summary>Destination.</summary>
    public required Place Destination { get; init; }

    /// <summary>The vehicle class asked for.</summary>
    public required VehicleType VehicleType { get; init; }

    /// <summary>The estimated fare.</summary>
    public required decimal FareEstimate { get; init; }

    /// <summary>The fare's currency.</summary>
    public required string Currency { get; init; }

    /// <summary>The rider's name and rating.</summary>
    public required RiderInfo RiderInfo { get; init; }

    /// <summary>Straight-line metres from the driver to the pickup when offered.</summary>
    public required double DistanceToPickupMeters { get; init; }

    /// <summary>After this the offer cannot be accepted.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>The event's sequence number on the driver's offer stream.</summary>
    public required long Seq { get; init; }

    /// <summary><c>driver-offers/{driver_id}/{seq}</c>.</summary>
    public required string EventId { get; init; }

    /// <summary>The wire form of an offer to <paramref name="driverId"/>.</summary>
    public static NewRideRequest From(string driverId, RideOffer offer, long seq)
    {
        ArgumentNullException.ThrowIfNull(offer);
        return new NewRideRequest
        {
            RideId = offer.RideId,
            Pickup = offer.Pickup,
            Destination = offer.Destination,
            VehicleType = offer.VehicleType,
            FareEstimate = offer.FareEstimate,
            Currency = offer.Currency,
            RiderInfo = offer.Rider,
            DistanceToPickupMeters = offer.DistanceToPickupMeters,
            ExpiresAt = offer.ExpiresAt,
            Seq = seq,
            EventId = EventIds.For(Topics.DriverOffers(driverId), seq),
        };
    }
}
