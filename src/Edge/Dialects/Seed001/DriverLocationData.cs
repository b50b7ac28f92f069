namespace Rides.Edge.Dialects.Seed001;

/// <summary><c>driver_location_update</c>: the assigned driver moved (to the ride's rider).</summary>
/// <param name="RideId">The ride.</param>
/// <param name="DriverId">The driver.</param>
/// <param name="Latitude">Degrees.</param>
/// <param name="Longitude">Degrees.</param>
/// <param name="Heading">Degrees from north, if known.</param>
/// <param name="Speed">Metres per second, if known.</param>
public sealed record DriverLocationData(string RideId, string DriverId, double Latitude, double Longitude, double? Heading, double? Speed);
