namespace Rides.Edge.Dialects.Seed001;

/// <summary><c>ride_cancelled</c>.</summary>
/// <param name="RideId">The ride.</param>
/// <param name="CancelledBy">passenger, driver, staff, admin or system.</param>
/// <param name="Reason">The reason given (system reasons: no_driver_found, driver_lost).</param>
public sealed record RideCancelledData(string RideId, string? CancelledBy, string? Reason);
