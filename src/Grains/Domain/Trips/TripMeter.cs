using Rides.Grains.Domain.Geo;

namespace Rides.Grains.Domain.Trips;

/// <summary>
/// The distance driven, summed from consecutive location updates. A jump faster than a plausible
/// speed (GPS glitch, spoofing) moves the meter's position without adding distance.
/// </summary>
public sealed record TripMeter(double DistanceMeters, int Updates, double? LastLatitude, double? LastLongitude, DateTimeOffset? LastAt)
{
    /// <summary>A meter at zero.</summary>
    public static TripMeter Zero { get; } = new(0, 0, null, null, null);

    /// <summary>The meter after an update at <paramref name="point"/> at <paramref name="at"/>.</summary>
    public TripMeter Add(GeoPoint point, DateTimeOffset at, double maxPlausibleSpeedMps)
    {
        if (LastLatitude is not { } lat || LastLongitude is not { } lng || LastAt is not { } lastAt)
        {
            return new TripMeter(DistanceMeters, Updates + 1, point.Latitude, point.Longitude, at);
        }

        var meters = GeoMath.DistanceMeters(new GeoPoint(lat, lng), point);
        var seconds = Math.Max((at - lastAt).TotalSeconds, 1);
        var counted = meters / seconds <= maxPlausibleSpeedMps ? meters : 0;
        return new TripMeter(DistanceMeters + counted, Updates + 1, point.Latitude, point.Longitude, at);
    }
}
