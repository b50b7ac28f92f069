namespace Rides.Edge.Dialects.Seed001;

/// <summary><c>pong</c>: echoes the ping's timestamp.</summary>
/// <param name="Timestamp">The client's timestamp, as sent (absent when the ping had none).</param>
public sealed record PongData(string? Timestamp);
