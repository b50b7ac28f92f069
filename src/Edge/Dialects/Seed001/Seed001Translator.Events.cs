using Rides.Edge.Protocol.Events;
using Rides.Grains;
using Rides.Grains.Rides;

namespace Rides.Edge.Dialects.Seed001;

/// <summary>Seed 000's events in seed 001's words.</summary>
public sealed partial class Seed001Translator
{
    /// <inheritdoc />
    public override Task NewRideRequest(NewRideRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Session.Send(new Seed001Frame<RideRequestedData>("ride_requested", new RideRequestedData
        {
            RideId = request.RideId,
            PassengerId = request.RiderInfo.RiderId,
            PassengerName = request.RiderInfo.Name,
            RideType = request.VehicleType.ToWire(),
            PickupLatitude = request.Pickup.Latitude,
            PickupLongitude = request.Pickup.Longitude,
            PickupAddress = request.Pickup.Address,
            DropoffLatitude = request.Destination.Latitude,
            DropoffLongitude = request.Destination.Longitude,
            DropoffAddress = request.Destination.Address,
            EstimatedFare = request.FareEstimate,
            Currency = request.Currency,
            DistanceToPickupMeters = request.DistanceToPickupMeters,
            ExpiresAt = request.ExpiresAt,
        }, Session.Time.GetUtcNow())
        {
            EventId = request.EventId,
            Metadata = new Seed001Metadata(request.RideId),
        });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task RideRequestWithdrawn(RideRequestWithdrawn withdrawal)
    {
        ArgumentNullException.ThrowIfNull(withdrawal);
        Session.Send(new Seed001Frame<RideRefData>("ride_request_withdrawn", new RideRefData { RideId = withdrawal.RideId, Reason = withdrawal.Reason }, withdrawal.Timestamp)
        {
            EventId = withdrawal.EventId,
        });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task RideStatusUpdate(RideStatusUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var driver = update.Data.Driver;
        object? frame = update.Status switch
        {
            RideStatus.ArrivingToPickup when driver is not null => Event("ride_accepted", update, new RideAcceptedData
            {
                RideId = update.RideId,
                DriverId = driver.DriverId,
                DriverName = driver.Name,
                VehicleType = driver.VehicleType.ToWire(),
                Vehicle = driver.Vehicle,
                VehiclePlate = driver.Plate,
                VehicleColor = driver.Color,
                DriverRating = driver.Rating,
                EstimatedArrival = update.EtaMinutes,
            }),
            RideStatus.DriverArrived => Event("driver_arrived", update, new RideRefData { RideId = update.RideId, DriverId = driver?.DriverId }),
            RideStatus.DrivingToDestination => Event("ride_started", update, new RideStartedData(update.RideId, update.Timestamp)),
            RideStatus.Completed => Event("ride_completed", update, new RideCompletedData(
                update.RideId, update.Data.Fare, update.Data.Currency, update.Data.Distance, update.Data.Duration, update.Timestamp)),
            RideStatus.Canceled => Event("ride_cancelled", update, new RideCancelledData(update.RideId, CancelledBy(update.Data.CanceledBy), update.Data.Reason)),

            // The request itself (seq 1) has no seed 001 frame for the rider: it learnt of it from its own REST call.
            _ => null,
        };
        if (frame is not null)
        {
            Session.Send(frame);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task DriverLocationUpdate(DriverLocationUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        Session.Send(new Seed001Frame<DriverLocationData>(
            "driver_location_update",
            new DriverLocationData(update.RideId, update.DriverId, update.Latitude, update.Longitude, update.Heading, update.Speed),
            update.Timestamp)
        {
            EventId = update.EventId,
        });
        return Task.CompletedTask;
    }

    private static Seed001Frame<T> Event<T>(string type, RideStatusUpdate update, T data) =>
        new(type, data, update.Timestamp) { EventId = update.EventId };

    // Seed 001 says "passenger" for the rider.
    private static string? CancelledBy(string? canceledBy) =>
        canceledBy == UserRoleNames.ToWire(UserRole.Rider) ? "passenger" : canceledBy;
}
