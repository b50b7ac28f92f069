using Rides.Grains.Events;
namespace Rides.Grains.Users;

/// <summary>A private event on a user's <see cref="Topics.User"/> stream.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="UserId">The recipient.</param>
/// <param name="Message">A human message.</param>
/// <param name="At">When.</param>
/// <param name="RideId">The ride concerned, if any.</param>
/// <param name="Pin">The trip PIN, for <see cref="UserNotificationKind.TripPin"/>.</param>
[GenerateSerializer, Immutable, Alias("rides.UserNotification")]
public sealed record UserNotification(UserNotificationKind Kind, string UserId, string Message, DateTimeOffset At, string? RideId = null, string? Pin = null);
