namespace Rides.Grains.Rides;

/// <summary>The final figures of a completed ride (seed 000's <c>complete_ride</c> <c>ride_data</c>).</summary>
/// <param name="Fare">The final fare from the distance driven and the time taken, rounded to cents, at least the minimum fare.</param>
/// <param name="Currency">ISO 4217 currency code.</param>
/// <param name="DistanceKm">The distance driven during the trip in kilometres (3 decimals).</param>
/// <param name="DurationSeconds">The trip time from start to completion in whole seconds.</param>
[GenerateSerializer, Alias("rides.RideReceipt")]
public sealed record RideReceipt(decimal Fare, string Currency, double DistanceKm, int DurationSeconds);
