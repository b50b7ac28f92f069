namespace Rides.Edge.Dialects.Seed004;

/// <summary>A stored message.</summary>
/// <param name="Id">Its id (as text, per seed 004).</param>
/// <param name="Message">The text.</param>
/// <param name="CreatedAt">When stored.</param>
public sealed record Seed004Message(string Id, string Message, DateTimeOffset CreatedAt);
