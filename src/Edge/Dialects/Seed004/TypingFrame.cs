namespace Rides.Edge.Dialects.Seed004;

/// <summary><c>typing</c>: another member of a room started or stopped typing.</summary>
/// <param name="Type">typing.</param>
/// <param name="UserId">Who.</param>
/// <param name="IsTyping">Whether typing.</param>
/// <param name="Room">The room.</param>
public sealed record TypingFrame(string Type, string UserId, bool IsTyping, string Room);
