using Rides.Grains.Domain.Geo;
using Rides.Grains.Domain.Validation;
using Rides.Grains.Rides;

namespace Rides.Grains.Domain.Requests;

/// <summary>Checks a ride request and returns it with trimmed texts.</summary>
public static class RideRequestRules
{
    /// <summary>The longest address.</summary>
    public const int MaxAddressLength = 200;

    /// <summary>The longest notes.</summary>
    public const int MaxNotesLength = 500;

    /// <summary>The longest straight-line trip accepted.</summary>
    public const double MaxTripMeters = 500_000;

    /// <summary>VALIDATION_FAILED naming the field, or the normalized request.</summary>
    public static RideRequest Normalize(RideRequest? request)
    {
        if (request is null)
        {
            throw DomainErrors.Validation("request", "is required");
        }

        var pickup = Normalize(request.Pickup, "pickup");
        var destination = Normalize(request.Destination, "destination");
        Validate.Enum(request.VehicleType, "vehicle_type");
        if (GeoMath.DistanceMeters(pickup.Point, destination.Point) > MaxTripMeters)
        {
            throw DomainErrors.Validation("destination", "is too far from the pickup");
        }

        return new RideRequest(pickup, destination, request.VehicleType, Validate.OptionalText(request.Notes, "notes", MaxNotesLength));
    }

    private static Place Normalize(Place? place, string field)
    {
        if (place is null)
        {
            throw DomainErrors.Validation(field, "is required");
        }

        Validate.Point(place.Latitude, place.Longitude, field);
        return new Place(place.Latitude, place.Longitude, Validate.OptionalText(place.Address, field + ".address", MaxAddressLength));
    }
}
