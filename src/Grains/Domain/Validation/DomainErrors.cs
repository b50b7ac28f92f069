using Rides.Grains.Errors;

namespace Rides.Grains.Domain.Validation;

/// <summary>Builds the platform's <see cref="RidesException"/>s with consistent messages.</summary>
public static class DomainErrors
{
    /// <summary>VALIDATION_FAILED naming the field.</summary>
    public static RidesException Validation(string field, string detail) =>
        new(ErrorCodes.ValidationFailed, $"Invalid {field}.", $"{field}: {detail}");

    /// <summary>FORBIDDEN for a role that may not do this.</summary>
    public static RidesException Forbidden(string action, string? detail = null) =>
        new(ErrorCodes.Forbidden, $"You are not allowed to {action}.", detail);

    /// <summary>NOT_A_PARTICIPANT of a ride or conversation.</summary>
    public static RidesException NotAParticipant(string what) =>
        new(ErrorCodes.NotAParticipant, $"You are not a participant of this {what}.");

    /// <summary>RIDE_NOT_FOUND.</summary>
    public static RidesException RideNotFound(string rideId) =>
        new(ErrorCodes.RideNotFound, "Ride not found.", $"ride_id: {rideId}");

    /// <summary>RATE_LIMITED with the wait before a retry can succeed.</summary>
    public static RidesException RateLimited(string what, TimeSpan retryAfter) =>
        new(ErrorCodes.RateLimited, $"Too many {what}; slow down.", $"retry_after_ms: {Math.Ceiling(retryAfter.TotalMilliseconds):0}");
}
