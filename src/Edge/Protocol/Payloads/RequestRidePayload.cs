using System.Text.Json;
using Rides.Grains;
using Rides.Grains.Rides;

namespace Rides.Edge.Protocol.Payloads;

/// <summary>
/// <c>{pickup, destination, vehicle_type?, notes?, ride_id?}</c>: request_ride and <c>POST /api/v1/riders/rides</c>.
/// A client-chosen <c>ride_id</c> makes retries safe: the same request again returns the same ride.
/// </summary>
/// <param name="Pickup">{latitude, longitude, address?}.</param>
/// <param name="Destination">{latitude, longitude, address?}.</param>
/// <param name="VehicleType">standard (default), premium, xl or moto.</param>
/// <param name="Notes">For the driver, at most 500 characters.</param>
/// <param name="RideId">Optional client-chosen ride id.</param>
public sealed record RequestRidePayload(Place Pickup, Place Destination, VehicleType VehicleType, string? Notes, string? RideId)
{
    /// <summary>The ride grain's form.</summary>
    public RideRequest ToRequest() => new(Pickup, Destination, VehicleType, Notes);

    internal static RequestRidePayload Read(JsonElement json, string what = "payload")
    {
        var reader = new PayloadReader(json, what);
        var pickup = reader.Place("pickup");
        var destination = reader.Place("destination");
        var vehicle = VehicleType.Standard;
        var vehicleText = reader.OptionalText("vehicle_type", 16);
        if (vehicleText is not null && !VehicleTypeNames.TryParse(vehicleText, out vehicle))
        {
            reader.Problem("vehicle_type", "must be one of standard, premium, xl, moto");
        }

        var payload = new RequestRidePayload(
            pickup,
            destination,
            vehicle,
            reader.OptionalText("notes", PayloadLimits.MaxNotesLength),
            reader.OptionalId("ride_id"));
        reader.ThrowIfInvalid();
        return payload;
    }
}
