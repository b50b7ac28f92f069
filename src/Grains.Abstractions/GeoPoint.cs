using System.Text.Json.Serialization;

namespace Rides.Grains;

/// <summary>A WGS-84 position in degrees.</summary>
/// <param name="Latitude">-90 to 90.</param>
/// <param name="Longitude">-180 to 180.</param>
[GenerateSerializer, Alias("rides.GeoPoint")]
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    /// <summary>Whether both coordinates are finite and in range.</summary>
    [JsonIgnore]
    public bool IsValid =>
        double.IsFinite(Latitude) && double.IsFinite(Longitude)
        && Latitude is >= -90 and <= 90 && Longitude is >= -180 and <= 180;
}
