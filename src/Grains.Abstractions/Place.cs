using System.Text.Json.Serialization;

namespace Rides.Grains;

/// <summary>A position with an optional human address (pickup, destination).</summary>
/// <param name="Latitude">-90 to 90.</param>
/// <param name="Longitude">-180 to 180.</param>
/// <param name="Address">Optional address text as the rider entered it.</param>
[GenerateSerializer, Alias("rides.Place")]
public sealed record Place(double Latitude, double Longitude, string? Address = null)
{
    /// <summary>The position.</summary>
    [JsonIgnore]
    public GeoPoint Point => new(Latitude, Longitude);
}
