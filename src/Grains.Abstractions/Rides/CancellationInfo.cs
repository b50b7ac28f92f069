namespace Rides.Grains.Rides;

/// <summary>Who canceled a ride and why.</summary>
/// <param name="CanceledBy">The role of the canceling party (rider, driver, staff/admin, or system).</param>
/// <param name="CanceledById">The user id of the canceling party (<c>system</c> for the platform).</param>
/// <param name="Reason">The reason: free text from a user, or one of <see cref="CancelReasons"/> for the system.</param>
/// <param name="PreviousStatus">The status the ride was in when canceled.</param>
[GenerateSerializer, Alias("rides.CancellationInfo")]
public sealed record CancellationInfo(UserRole CanceledBy, string CanceledById, string Reason, RideStatus PreviousStatus);
