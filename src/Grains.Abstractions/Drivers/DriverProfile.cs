using Rides.Grains.Rides;

namespace Rides.Grains.Drivers;

/// <summary>A driver's profile and vehicle.</summary>
/// <param name="Name">Display name (1–100 characters).</param>
/// <param name="VehicleMake">e.g. "Toyota".</param>
/// <param name="VehicleModel">e.g. "Camry".</param>
/// <param name="VehicleType">The class of rides the driver is offered.</param>
/// <param name="Plate">Licence plate.</param>
/// <param name="Color">Vehicle colour.</param>
/// <param name="Phone">Phone number: optional '+' and 7–15 digits; stored without spaces or '-'.</param>
[GenerateSerializer, Alias("rides.DriverProfile")]
public sealed record DriverProfile(string Name, string? VehicleMake = null, string? VehicleModel = null, VehicleType VehicleType = VehicleType.Standard, string? Plate = null, string? Color = null, string? Phone = null);
