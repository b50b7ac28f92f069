using Rides.Grains.Rides;

namespace Rides.Grains.Dispatch;

/// <summary>
/// What one dispatch round looks for: drivers of <paramref name="VehicleType"/> within
/// <paramref name="RadiusMeters"/> of <paramref name="Pickup"/>, whose position was reported at or after
/// <paramref name="FreshSince"/> and not later than a little past <paramref name="Now"/>, not in
/// <paramref name="Excluded"/> (offered this ride before, or declined it); the <paramref name="Limit"/> nearest.
/// A geo cell answers it over its own drivers, so a round receives a batch's worth from each cell, never a cell's
/// whole list.
/// </summary>
/// <param name="Pickup">Where the rider waits.</param>
/// <param name="RadiusMeters">The round's radius (haversine).</param>
/// <param name="VehicleType">The ride's vehicle class.</param>
/// <param name="FreshSince">Positions older than this are stale.</param>
/// <param name="Now">The ride's clock; positions more than a few seconds ahead of it are ignored.</param>
/// <param name="Excluded">Drivers never to return.</param>
/// <param name="Limit">How many drivers at most.</param>
[GenerateSerializer, Immutable, Alias("rides.DriverSearch")]
public sealed record DriverSearch(
    GeoPoint Pickup,
    double RadiusMeters,
    VehicleType VehicleType,
    DateTimeOffset FreshSince,
    DateTimeOffset Now,
    IReadOnlyList<string> Excluded,
    int Limit);
