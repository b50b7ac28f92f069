namespace Rides.Edge.Sockets;

/// <summary>How the edge runs plain-WebSocket dialect sessions (section <c>Rides:Edge:Sockets</c>).</summary>
public sealed class SocketOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Rides:Edge:Sockets";

    /// <summary>Largest client frame (a whole message, all fragments); a bigger one closes the socket with 1009. Default 64 KB, as the hub.</summary>
    public int MaxFrameBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// Frames waiting to be written to one socket. A phone that reads slower than its events arrive fills it;
    /// then the socket is aborted (the app reconnects and replays with <c>last_event_id</c>) instead of the
    /// server's memory growing. Default 256.
    /// </summary>
    public int SendQueueCapacity { get; set; } = 256;

    /// <summary>Client frames read but not yet handled; reading waits while it is full. Default 16.</summary>
    public int ReceiveQueueCapacity { get; set; } = 16;

    /// <summary>How often the server pings a socket (WebSocket ping frames, answered by every client library). Default 15 s.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>A socket whose pong does not come within this after a ping is dropped as dead. Default 15 s.</summary>
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a close handshake may take before the socket is aborted. Default 5 s.</summary>
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
