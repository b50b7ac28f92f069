namespace Rides.Edge.Dialects.Seed004;

/// <summary><c>pong</c>: the answer to an application-level <c>ping</c>.</summary>
/// <param name="Type">pong.</param>
/// <param name="Timestamp">The server's time.</param>
public sealed record PongFrame(string Type, DateTimeOffset Timestamp);
