using System.Text.Json.Serialization;

namespace Rides.Grains;

/// <summary>The role a caller acts in. Authentication (the edge) establishes it; grains authorize by it.</summary>
[GenerateSerializer, Alias("rides.UserRole")]
public enum UserRole
{
    /// <summary>A rider (passenger) of the rider app.</summary>
    [JsonStringEnumMemberName("rider")]
    Rider,

    /// <summary>A driver of the driver app.</summary>
    [JsonStringEnumMemberName("driver")]
    Driver,

    /// <summary>Support staff: answers support conversations, may view rides.</summary>
    [JsonStringEnumMemberName("staff")]
    Staff,

    /// <summary>An administrator: everything staff may do, plus driver profile management.</summary>
    [JsonStringEnumMemberName("admin")]
    Admin,

    /// <summary>An operator of the platform: read-only views for the dashboard.</summary>
    [JsonStringEnumMemberName("operator")]
    Operator,

    /// <summary>The platform itself (timers, dispatch, compensation); never a token's role.</summary>
    [JsonStringEnumMemberName("system")]
    System,
}
