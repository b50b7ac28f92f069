namespace Rides.Grains.Rides;

/// <summary>An ended ride in a rider's or a driver's history.</summary>
/// <param name="RideId">The ride.</param>
/// <param name="Status">Completed or canceled.</param>
/// <param name="DriverId">The driver, if one was assigned.</param>
/// <param name="Pickup">Pickup place.</param>
/// <param name="Destination">Destination place.</param>
/// <param name="Fare">The final fare, when completed.</param>
/// <param name="RequestedAt">When requested.</param>
/// <param name="EndedAt">When it ended.</param>
/// <param name="RiderId">The rider (null in entries stored before drivers kept a history).</param>
/// <param name="DistanceKm">The distance driven, when completed.</param>
/// <param name="Currency">The fare's currency, when completed.</param>
[GenerateSerializer, Immutable, Alias("rides.RideHistoryEntry")]
public sealed record RideHistoryEntry(
    string RideId,
    RideStatus Status,
    string? DriverId,
    Place Pickup,
    Place Destination,
    decimal? Fare,
    DateTimeOffset RequestedAt,
    DateTimeOffset EndedAt,
    string? RiderId = null,
    double? DistanceKm = null,
    string? Currency = null);
