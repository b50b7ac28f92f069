namespace Rides.Edge.Protocol.Events;

/// <summary><c>server_message</c>: a general notice (seed 001), e.g. the welcome on connect.</summary>
/// <param name="Msg">The notice.</param>
public sealed record ServerMessage(string Msg);
