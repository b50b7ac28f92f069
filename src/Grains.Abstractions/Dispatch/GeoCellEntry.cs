using Rides.Grains.Rides;

namespace Rides.Grains.Dispatch;

/// <summary>An available driver indexed in a geo cell.</summary>
/// <param name="DriverId">The driver.</param>
/// <param name="Latitude">Degrees.</param>
/// <param name="Longitude">Degrees.</param>
/// <param name="VehicleType">The driver's vehicle class.</param>
/// <param name="UpdatedAt">When the driver last reported this position.</param>
[GenerateSerializer, Immutable, Alias("rides.GeoCellEntry")]
public sealed record GeoCellEntry(string DriverId, double Latitude, double Longitude, VehicleType VehicleType, DateTimeOffset UpdatedAt);
