namespace Rides.Edge.Protocol.Responses;

/// <summary>The answer to <c>ping</c> (seed 001's pong).</summary>
public sealed class PongResponse : HubResponse
{
    /// <summary>The server's time.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>The client's <c>timestamp</c>, echoed when it sent one.</summary>
    public string? ClientTimestamp { get; init; }
}
