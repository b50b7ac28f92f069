namespace Rides.Grains.Rides;

/// <summary>A rider's ride request (seed 000's <c>request_ride</c> / <c>POST /api/v1/riders/rides</c>).</summary>
/// <param name="Pickup">Where to be picked up.</param>
/// <param name="Destination">Where to go.</param>
/// <param name="VehicleType">The vehicle class asked for.</param>
/// <param name="Notes">Optional notes for the driver (at most 500 characters).</param>
[GenerateSerializer, Alias("rides.RideRequest")]
public sealed record RideRequest(Place Pickup, Place Destination, VehicleType VehicleType = VehicleType.Standard, string? Notes = null);
