using Rides.Grains.History;
using Rides.Grains.Domain.Ratings;
using Rides.Grains.Domain.Trips;
using Rides.Grains.Domain.Validation;
using Rides.Grains.Errors;
using Rides.Grains.Rides;

namespace Rides.Grains.Drivers;

/// <summary>What rides ask of a driver: offers, assignment, the trip meter, release and ratings.</summary>
public sealed partial class DriverGrain
{
    /// <inheritdoc />
    public async Task<bool> Offer(RideOffer offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        var now = time.GetUtcNow();
        if (!IsAvailable(now) || S.Profile!.VehicleType != offer.VehicleType || offer.ExpiresAt <= now)
        {
            return false;
        }

        _pendingOffers[offer.RideId] = offer.ExpiresAt;
        await PublishOfferEventAsync(new DriverOfferEvent(DriverOfferEventKind.Offered, offer.RideId, offer, null, now));
        return true;
    }

    /// <inheritdoc />
    public async Task WithdrawOffer(string rideId, string reason)
    {
        if (_pendingOffers.Remove(rideId))
        {
            await PublishOfferEventAsync(new DriverOfferEvent(DriverOfferEventKind.Withdrawn, rideId, null, reason, time.GetUtcNow()));
        }
    }

    /// <inheritdoc />
    public async Task<DriverAssignment> Assign(string rideId)
    {
        if (S.CurrentRideId == rideId)
        {
            return new DriverAssignment(Info(), S.Location);
        }

        if (!S.IsOnline)
        {
            throw new RidesException(ErrorCodes.DriverOffline, "You are offline: go online to accept rides.");
        }

        if (S.CurrentRideId is not null)
        {
            throw new RidesException(ErrorCodes.DriverBusy, "You already have an active ride.", $"ride_id: {S.CurrentRideId}");
        }

        S.CurrentRideId = rideId;
        S.TripRideId = null;
        S.TripMeter = null;
        _pendingOffers.Remove(rideId);
        await UnindexAsync();
        await PersistAsync();
        return new DriverAssignment(Info(), S.Location);
    }

    /// <inheritdoc />
    public Task StartTrip(string rideId)
    {
        if (S.CurrentRideId != rideId)
        {
            throw new RidesException(ErrorCodes.NotAParticipant, "This driver is not assigned to the ride.", $"ride_id: {rideId}");
        }

        if (S.TripRideId == rideId)
        {
            return Task.CompletedTask;
        }

        S.TripRideId = rideId;
        S.TripMeter = S.Location is { } at
            ? TripMeter.Zero.Add(new GeoPoint(at.Latitude, at.Longitude), at.At, _trip.MaxPlausibleSpeedMps)
            : TripMeter.Zero;

        // Stored like the meter it starts: with the next location write (at most LocationPersistInterval later), the
        // ride's release of the driver, or as the activation leaves. The ride's own start is stored before it answers;
        // a meter lost in a crash only makes the fare fall back to the estimate's distance.
        _dirty = true;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<TripMeterReading> ReadTripMeter(string rideId) => Task.FromResult(Reading(rideId));

    /// <inheritdoc />
    public async Task<TripMeterReading> Release(string rideId)
    {
        var reading = Reading(rideId);
        if (S.CurrentRideId != rideId)
        {
            return reading;
        }

        S.CurrentRideId = null;
        S.TripRideId = null;
        S.TripMeter = null;
        await PersistAsync();
        await IndexAsync();
        return reading;
    }

    /// <inheritdoc />
    public async Task EndRide(RideHistoryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var assigned = S.CurrentRideId == entry.RideId;
        if (assigned)
        {
            S.CurrentRideId = null;
            S.TripRideId = null;
            S.TripMeter = null;
        }

        if (await histories.RecordAsync(RideHistoryOwners.Driver, DriverId, entry) || assigned)
        {
            await PersistAsync();
        }

        if (assigned && _offlineWhenFree && _connections.Count == 0)
        {
            await SetOfflineAsync();
            return;
        }

        await IndexAsync();
    }

    /// <inheritdoc />
    public async Task<RatingResult> AddRating(string rideId, int stars)
    {
        if (RatingRules.Record(S, rideId, stars))
        {
            await PersistAsync();
        }

        return new RatingResult(rideId, DriverId, stars, RatingRules.Average(S.RatingSum, S.RatingCount), S.RatingCount);
    }
}
