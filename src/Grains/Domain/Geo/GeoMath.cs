namespace Rides.Grains.Domain.Geo;

/// <summary>Great-circle distance on a spherical earth.</summary>
public static class GeoMath
{
    /// <summary>The mean earth radius in metres (IUGG).</summary>
    public const double EarthRadiusMeters = 6_371_008.8;

    /// <summary>Metres per degree of latitude.</summary>
    public const double MetersPerDegreeLatitude = Math.PI * EarthRadiusMeters / 180;

    /// <summary>The haversine distance between two points, in metres.</summary>
    public static double DistanceMeters(GeoPoint a, GeoPoint b)
    {
        var lat1 = ToRadians(a.Latitude);
        var lat2 = ToRadians(b.Latitude);
        var dLat = lat2 - lat1;
        var dLng = ToRadians(b.Longitude - a.Longitude);
        var h = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2))
            + (Math.Cos(lat1) * Math.Cos(lat2) * Math.Sin(dLng / 2) * Math.Sin(dLng / 2));
        return 2 * EarthRadiusMeters * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    /// <summary>A point <paramref name="northMeters"/> north and <paramref name="eastMeters"/> east of <paramref name="origin"/> (small offsets; for tests and simulations).</summary>
    public static GeoPoint Offset(GeoPoint origin, double northMeters, double eastMeters)
    {
        var lat = origin.Latitude + (northMeters / MetersPerDegreeLatitude);
        var lng = origin.Longitude + (eastMeters / (MetersPerDegreeLatitude * Math.Cos(ToRadians(origin.Latitude))));
        return new GeoPoint(lat, NormalizeLongitude(lng));
    }

    /// <summary>Wraps a longitude into [-180, 180).</summary>
    public static double NormalizeLongitude(double longitude)
    {
        var l = (longitude + 180) % 360;
        if (l < 0)
        {
            l += 360;
        }

        return l - 180;
    }

    private static double ToRadians(double degrees) => degrees * Math.PI / 180;
}
