namespace Rides.Grains.Drivers;

/// <summary>A driver app's location report (seed 000's <c>update_location</c>, with heading and speed).</summary>
/// <param name="Latitude">-90 to 90.</param>
/// <param name="Longitude">-180 to 180.</param>
/// <param name="Heading">0 to 360 degrees clockwise from north, optional.</param>
/// <param name="SpeedMps">0 to 100 metres per second, optional.</param>
[GenerateSerializer, Immutable, Alias("rides.LocationUpdate")]
public sealed record LocationUpdate(double Latitude, double Longitude, double? Heading = null, double? SpeedMps = null);
