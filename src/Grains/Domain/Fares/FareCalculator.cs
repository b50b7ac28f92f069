using Rides.Grains.Domain.Geo;
using Rides.Grains.Rides;

namespace Rides.Grains.Domain.Fares;

/// <summary>Fare estimates and final fares: base + per km + per minute, at least the minimum, rounded to cents.</summary>
public sealed class FareCalculator(FareOptions options)
{
    /// <summary>The options in use.</summary>
    public FareOptions Options { get; } = options;

    /// <summary>
    /// The estimate for a ride: straight-line distance × road factor, duration at the average
    /// speed (whole minutes, rounded up, at least 1), priced by the class's schedule.
    /// </summary>
    public FareEstimate Estimate(GeoPoint pickup, GeoPoint destination, VehicleType type)
    {
        var km = GeoMath.DistanceMeters(pickup, destination) / 1000 * Options.RoadFactor;
        var minutes = Math.Max(1, (int)Math.Ceiling(km / Options.AverageSpeedKmh * 60));
        var fare = Price(type, km, minutes);
        return new FareEstimate(fare, Options.Currency, Math.Round(km, 3), minutes);
    }

    /// <summary>The final fare from the distance driven and the time taken.</summary>
    public RideReceipt Final(VehicleType type, double distanceKm, TimeSpan duration)
    {
        var km = Math.Max(0, distanceKm);
        var seconds = Math.Max(0, (int)Math.Round(duration.TotalSeconds));
        var fare = Price(type, km, seconds / 60.0);
        return new RideReceipt(fare, Options.Currency, Math.Round(km, 3), seconds);
    }

    /// <summary>The price of <paramref name="km"/> kilometres and <paramref name="minutes"/> minutes.</summary>
    public decimal Price(VehicleType type, double km, double minutes)
    {
        var s = Options.For(type);
        var raw = s.Base + (s.PerKm * (decimal)km) + (s.PerMinute * (decimal)minutes);
        return Math.Round(Math.Max(s.Minimum, raw), 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>Whole minutes (at least 1) to cover <paramref name="meters"/> at the average speed.</summary>
    public int EtaMinutes(double meters) =>
        Math.Max(1, (int)Math.Ceiling(meters / 1000 / Options.AverageSpeedKmh * 60));
}
