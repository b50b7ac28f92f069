using System.Text.Json.Serialization;

namespace Rides.Grains.Drivers;

/// <summary>What a <see cref="DriverOfferEvent"/> says.</summary>
[GenerateSerializer, Alias("rides.DriverOfferEventKind")]
public enum DriverOfferEventKind
{
    /// <summary>A new ride is offered (seed 000's <c>new_ride_request</c>).</summary>
    [JsonStringEnumMemberName("offered")]
    Offered,

    /// <summary>An earlier offer no longer stands (taken by another driver, expired, ride canceled).</summary>
    [JsonStringEnumMemberName("withdrawn")]
    Withdrawn,
}
