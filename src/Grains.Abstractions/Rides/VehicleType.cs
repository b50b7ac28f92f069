using System.Text.Json.Serialization;

namespace Rides.Grains.Rides;

/// <summary>The vehicle class a ride asks for and a driver drives; fares differ by class.</summary>
[GenerateSerializer, Alias("rides.VehicleType")]
public enum VehicleType
{
    /// <summary>A regular car. Wire name <c>standard</c>.</summary>
    [JsonStringEnumMemberName("standard")]
    Standard,

    /// <summary>A premium car. Wire name <c>premium</c>.</summary>
    [JsonStringEnumMemberName("premium")]
    Premium,

    /// <summary>A large car (6+ seats). Wire name <c>xl</c>.</summary>
    [JsonStringEnumMemberName("xl")]
    Xl,

    /// <summary>A motorbike. Wire name <c>moto</c>.</summary>
    [JsonStringEnumMemberName("moto")]
    Moto,
}
