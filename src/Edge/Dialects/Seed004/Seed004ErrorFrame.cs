namespace Rides.Edge.Dialects.Seed004;

/// <summary><c>error</c>: a refused or unreadable frame (a refused join joins nothing); the socket stays open.</summary>
/// <param name="Type">error.</param>
/// <param name="Code">The platform's error code.</param>
/// <param name="Message">A human message.</param>
/// <param name="Timestamp">When.</param>
public sealed record Seed004ErrorFrame(string Type, string Code, string Message, DateTimeOffset Timestamp)
{
    /// <summary>What exactly was wrong.</summary>
    public string? Detail { get; init; }

    /// <summary>The room of the refused frame, when it named one.</summary>
    public string? Room { get; init; }

    /// <summary>The type of the refused frame.</summary>
    public string? RequestType { get; init; }
}
