namespace Rides.Grains.Rides;

/// <summary>The fare estimate given at request time.</summary>
/// <param name="Fare">The estimated fare, rounded to cents, at least the minimum fare.</param>
/// <param name="Currency">ISO 4217 currency code.</param>
/// <param name="DistanceKm">The estimated route distance in kilometres.</param>
/// <param name="DurationMinutes">The estimated trip duration in whole minutes.</param>
[GenerateSerializer, Alias("rides.FareEstimate")]
public sealed record FareEstimate(decimal Fare, string Currency, double DistanceKm, int DurationMinutes);
