namespace Rides.Edge.Dialects.Seed002;

/// <summary>Seed 002's error shape <c>{success: false, message}</c>, with the platform's code and detail: an HTTP refusal's body, or a frame on the socket.</summary>
/// <param name="Success">Always false.</param>
/// <param name="Message">A human message.</param>
/// <param name="Code">The platform's error code (UNAUTHENTICATED, FORBIDDEN, VALIDATION_FAILED, UNKNOWN_MESSAGE_TYPE…).</param>
public sealed record Seed002ErrorFrame(bool Success, string Message, string Code)
{
    /// <summary>What exactly was wrong.</summary>
    public string? Detail { get; init; }
}
