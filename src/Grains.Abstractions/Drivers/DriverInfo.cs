using Rides.Grains.Rides;

namespace Rides.Grains.Drivers;

/// <summary>What a rider sees of the assigned driver (seed 000's <c>driver_info</c>).</summary>
/// <param name="DriverId">The driver's user id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Rating">Average rating 1–5 (5.0 before any rating).</param>
/// <param name="Vehicle">Vehicle make and model, e.g. "Toyota Camry".</param>
/// <param name="VehicleType">The vehicle class.</param>
/// <param name="Plate">Licence plate, if known.</param>
/// <param name="Color">Vehicle colour, if known.</param>
[GenerateSerializer, Immutable, Alias("rides.DriverInfo")]
public sealed record DriverInfo(string DriverId, string Name, double Rating, string Vehicle, VehicleType VehicleType, string? Plate, string? Color);
