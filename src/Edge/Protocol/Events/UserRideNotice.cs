using Rides.Grains.Users;

namespace Rides.Edge.Protocol.Events;

/// <summary>A ride the connection's user takes part in: requested by the rider, or assigned to the driver.</summary>
/// <param name="RideId">The ride.</param>
/// <param name="Kind"><see cref="UserNotificationKind.RideRequested"/> or <see cref="UserNotificationKind.RideAssigned"/>.</param>
/// <param name="Timestamp">When.</param>
public sealed record UserRideNotice(string RideId, UserNotificationKind Kind, DateTimeOffset Timestamp);
