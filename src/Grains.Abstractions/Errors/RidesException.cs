namespace Rides.Grains.Errors;

/// <summary>
/// A refusal by the platform's rules: a stable machine-readable <see cref="Code"/> (one of
/// <see cref="ErrorCodes"/>), a human <see cref="Exception.Message"/> and an optional
/// <see cref="Detail"/>. Thrown by grains and rebuilt with the same values on the caller's side,
/// also when the call crosses silos (Orleans serializes <see cref="Code"/> and <see cref="Detail"/> with the message).
/// </summary>
[GenerateSerializer, Alias("rides.RidesException")]
public class RidesException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="code">A stable code from <see cref="ErrorCodes"/>.</param>
    /// <param name="message">A short human message, safe to show to an app user.</param>
    /// <param name="detail">Optional detail (which field, which limit), safe to show to an app user.</param>
    public RidesException(string code, string message, string? detail = null)
        : base(message)
    {
        Code = code;
        Detail = detail;
    }

    /// <summary>The stable error code, one of <see cref="ErrorCodes"/>.</summary>
    [Id(0)]
    public string Code { get; }

    /// <summary>Optional detail: which field was wrong, which limit was hit, what state the ride was in.</summary>
    [Id(1)]
    public string? Detail { get; }
}
