namespace Rides.Edge.Sockets;

/// <summary>A refusal to put into the dialect's error frame: the code and message of the hub's envelope, and the frame that caused it.</summary>
/// <param name="Code">A stable code (docs/protocol.md's error codes, plus UNKNOWN_MESSAGE_TYPE).</param>
/// <param name="Message">A human message, safe to show.</param>
/// <param name="Detail">What exactly was wrong, when useful.</param>
/// <param name="Frame">The client frame that was refused, when it could be read.</param>
public sealed record SocketError(string Code, string Message, string? Detail, SocketFrame? Frame);
