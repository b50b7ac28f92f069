using System.Text.Json.Serialization;

namespace Rides.Grains.Support;

/// <summary>The support rooms staff join (seed 003's <c>room_type</c>).</summary>
[GenerateSerializer, Alias("rides.SupportRoomType")]
public enum SupportRoomType
{
    /// <summary>General support. Wire name <c>general_support</c>.</summary>
    [JsonStringEnumMemberName("general_support")]
    General,

    /// <summary>Emergencies. Wire name <c>emergency_support</c>.</summary>
    [JsonStringEnumMemberName("emergency_support")]
    Emergency,

    /// <summary>Driver-specific support. Wire name <c>driver_support</c>.</summary>
    [JsonStringEnumMemberName("driver_support")]
    Driver,

    /// <summary>Regulator support. Wire name <c>regulator_support</c>.</summary>
    [JsonStringEnumMemberName("regulator_support")]
    Regulator,
}
