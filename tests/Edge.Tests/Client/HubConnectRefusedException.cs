namespace Rides.Edge.Tests.Client;

/// <summary>The server refused the WebSocket upgrade; <see cref="StatusCode"/> is its HTTP status.</summary>
public sealed class HubConnectRefusedException(int statusCode, Exception inner)
    : Exception($"The hub refused the connection with HTTP {statusCode}.", inner)
{
    /// <summary>The HTTP status of the refused upgrade.</summary>
    public int StatusCode { get; } = statusCode;
}
