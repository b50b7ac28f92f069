using System.Text.Json.Serialization;

namespace Rides.Grains.Users;

/// <summary>What a <see cref="UserNotification"/> says.</summary>
[GenerateSerializer, Alias("rides.UserNotificationKind")]
public enum UserNotificationKind
{
    /// <summary>The trip PIN of an accepted ride, for its rider only (seed 002's OTP).</summary>
    [JsonStringEnumMemberName("trip_pin")]
    TripPin,
}
