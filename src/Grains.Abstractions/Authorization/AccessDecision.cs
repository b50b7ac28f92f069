using Rides.Grains.Errors;

namespace Rides.Grains.Authorization;

/// <summary>One cell of the <see cref="AccessPolicy"/>: allowed, or refused with an error code and a reason.</summary>
/// <param name="IsAllowed">Whether the action may go on (the resource's own rules may still refuse it: status, offers, limits).</param>
/// <param name="Code">When refused: <see cref="ErrorCodes.Forbidden"/> or <see cref="ErrorCodes.NotAParticipant"/>.</param>
/// <param name="Reason">When refused: why, safe to show (sent as the error's detail).</param>
public readonly record struct AccessDecision(bool IsAllowed, string? Code, string? Reason)
{
    /// <summary>Allowed.</summary>
    public static AccessDecision Allow { get; } = new(true, null, null);

    /// <summary>Refused with FORBIDDEN: the caller's role may not do this to such a resource.</summary>
    public static AccessDecision Forbidden(string? reason = null) => new(false, ErrorCodes.Forbidden, reason);

    /// <summary>Refused with NOT_A_PARTICIPANT: the resource is not the caller's and the caller has no part in it.</summary>
    public static AccessDecision NotAParticipant { get; } = new(false, ErrorCodes.NotAParticipant, null);

    /// <inheritdoc />
    public override string ToString() => IsAllowed ? "allow" : Code!;
}
