using Rides.Grains.Events;
namespace Rides.Grains.Rides;

/// <summary>
/// The assigned driver's position, published on <see cref="Topics.RideLocation"/> only while
/// the ride is active (seed 000's <c>driver_location_update</c>).
/// </summary>
/// <param name="RideId">The ride.</param>
/// <param name="DriverId">The driver.</param>
/// <param name="Latitude">Degrees.</param>
/// <param name="Longitude">Degrees.</param>
/// <param name="Heading">Degrees clockwise from north, if known.</param>
/// <param name="SpeedMps">Metres per second, if known.</param>
/// <param name="At">When the driver reported it.</param>
[GenerateSerializer, Immutable, Alias("rides.RideLocationEvent")]
public sealed record RideLocationEvent(string RideId, string DriverId, double Latitude, double Longitude, double? Heading, double? SpeedMps, DateTimeOffset At);
