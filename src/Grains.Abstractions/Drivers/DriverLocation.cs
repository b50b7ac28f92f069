namespace Rides.Grains.Drivers;

/// <summary>A driver's last accepted position.</summary>
/// <param name="Latitude">Degrees.</param>
/// <param name="Longitude">Degrees.</param>
/// <param name="Heading">Degrees clockwise from north, if known.</param>
/// <param name="SpeedMps">Metres per second, if known.</param>
/// <param name="At">When the update was accepted (platform time).</param>
[GenerateSerializer, Alias("rides.DriverLocation")]
public sealed record DriverLocation(double Latitude, double Longitude, double? Heading, double? SpeedMps, DateTimeOffset At);
