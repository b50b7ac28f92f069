namespace Rides.Edge.Dialects.Seed004;

/// <summary><c>connected</c>: sent first.</summary>
/// <param name="Type">connected.</param>
/// <param name="UserId">The token's user id.</param>
/// <param name="Timestamp">When.</param>
public sealed record ConnectedFrame(string Type, string UserId, DateTimeOffset Timestamp);
