namespace Rides.Grains.Riders;

/// <summary>What a driver sees of a rider (seed 000's <c>rider_info</c>).</summary>
/// <param name="RiderId">The rider's user id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Rating">Average rating 1–5 (5.0 before any rating).</param>
[GenerateSerializer, Alias("rides.RiderInfo")]
public sealed record RiderInfo(string RiderId, string Name, double Rating);
