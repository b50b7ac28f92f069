namespace Rides.Grains.Drivers;

/// <summary>The distance a driver's accepted location updates covered since the trip started.</summary>
/// <param name="RideId">The ride.</param>
/// <param name="DistanceMeters">Metres between consecutive accepted updates since <c>StartTrip</c> (implausible jumps excluded).</param>
/// <param name="Updates">How many updates were counted.</param>
[GenerateSerializer, Alias("rides.TripMeterReading")]
public sealed record TripMeterReading(string RideId, double DistanceMeters, int Updates);
