namespace Rides.Edge.Dialects.Seed003;

/// <summary>Seed 003's error response <c>{success: false, error}</c>, with the platform's code and detail; the socket stays open.</summary>
/// <param name="Success">Always false.</param>
/// <param name="Error">What went wrong, safe to show.</param>
/// <param name="Code">The platform's error code (FORBIDDEN, NOT_A_PARTICIPANT, VALIDATION_FAILED, UNKNOWN_MESSAGE_TYPE…).</param>
public sealed record Seed003ErrorFrame(bool Success, string Error, string Code)
{
    /// <summary>What exactly was wrong.</summary>
    public string? Detail { get; init; }

    /// <summary>The <c>type</c> of the refused request, when it could be read.</summary>
    public string? RequestType { get; init; }
}
