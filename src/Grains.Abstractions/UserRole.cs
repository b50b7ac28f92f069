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

    /// <summary>
    /// A queue regulator (seed 003's QUEUE_REGULATOR): field staff at a rank or stop who, like a driver, opens support
    /// conversations with the control centre and talks in its own; no ride, driver or back-office rights (docs/domain.md).
    /// Last, so the stored numbers of the other roles stay as they were.
    /// </summary>
    [JsonStringEnumMemberName("regulator")]
    Regulator,
}
