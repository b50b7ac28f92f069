using Rides.Grains.Errors;

namespace Rides.Grains.Domain.Validation;

/// <summary>Builds the platform's <see cref="RidesException"/>s with consistent messages.</summary>
public static class DomainErrors
{
    /// <summary>VALIDATION_FAILED naming the field.</summary>
    public static RidesException Validation(string field, string detail) =>
        new(ErrorCodes.ValidationFailed, $"Invalid {field}.", $"{field}: {detail}");

    /// <summary>NOT_A_PARTICIPANT of a ride or conversation (who may do what is <c>AccessPolicy</c>'s; this is for an id taken by someone else).</summary>
    public static RidesException NotAParticipant(string what) =>
        new(ErrorCodes.NotAParticipant, $"You are not a participant of this {what}.");

    /// <summary>RIDE_NOT_FOUND.</summary>
    public static RidesException RideNotFound(string rideId) =>
        new(ErrorCodes.RideNotFound, "Ride not found.", $"ride_id: {rideId}");

    /// <summary>RATE_LIMITED with the wait before a retry can succeed.</summary>
    public static RidesException RateLimited(string what, TimeSpan retryAfter) =>
        new(ErrorCodes.RateLimited, $"Too many {what}; slow down.", $"retry_after_ms: {Math.Ceiling(retryAfter.TotalMilliseconds):0}");
}
