namespace Rides.Edge.Dialects.Seed004;

/// <summary><c>message_sent</c>: the answer to a client <c>message</c> frame.</summary>
/// <param name="Type">message_sent.</param>
/// <param name="Room">The room.</param>
/// <param name="MessageId">The stored message's id.</param>
/// <param name="Timestamp">When stored.</param>
public sealed record MessageSentFrame(string Type, string Room, string MessageId, DateTimeOffset Timestamp);
