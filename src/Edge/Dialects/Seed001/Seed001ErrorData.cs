namespace Rides.Edge.Dialects.Seed001;

/// <summary><c>error</c>: a refused or unreadable frame; the socket stays open.</summary>
/// <param name="Code">The platform's error code (VALIDATION_FAILED, UNKNOWN_MESSAGE_TYPE, NOT_A_PARTICIPANT…).</param>
/// <param name="Message">A human message.</param>
/// <param name="Detail">What exactly was wrong.</param>
/// <param name="RequestType">The type of the refused frame, when it could be read.</param>
public sealed record Seed001ErrorData(string Code, string Message, string? Detail, string? RequestType);
