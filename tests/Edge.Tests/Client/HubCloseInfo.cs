using System.Net.WebSockets;

namespace Rides.Edge.Tests.Client;

/// <summary>How a connection ended: the error of the server's close message, if any, and the WebSocket close status.</summary>
public sealed record HubCloseInfo(string? Error, WebSocketCloseStatus? CloseStatus);
