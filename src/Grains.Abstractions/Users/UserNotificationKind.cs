using System.Text.Json.Serialization;

namespace Rides.Grains.Users;

/// <summary>What a <see cref="UserNotification"/> says.</summary>
[GenerateSerializer, Alias("rides.UserNotificationKind")]
public enum UserNotificationKind
{
    /// <summary>The trip PIN of an accepted ride, for its rider only (seed 002's OTP).</summary>
    [JsonStringEnumMemberName("trip_pin")]
    TripPin,

    /// <summary>
    /// The rider requested a ride (<see cref="UserNotification.RideId"/>), to the rider: a connection that does not
    /// ask for rides by id (seed 002's <c>/ws/bookings/</c>) learns of the booking and joins it.
    /// </summary>
    [JsonStringEnumMemberName("ride_requested")]
    RideRequested,

    /// <summary>
    /// A ride was assigned to the driver who accepted it (<see cref="UserNotification.RideId"/>), to that driver: seed 002's
    /// <c>/ws/driver/bookings/</c> joins the booking although the driver accepted it on another connection.
    /// </summary>
    [JsonStringEnumMemberName("ride_assigned")]
    RideAssigned,
}
