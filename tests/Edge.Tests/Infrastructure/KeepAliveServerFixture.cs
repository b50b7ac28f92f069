namespace Rides.Edge.Tests;

/// <summary>A server that pings plain-WebSocket clients every half second and drops one that has not answered within a second.</summary>
public sealed class KeepAliveServerFixture : EdgeServerFixture
{
    /// <inheritdoc />
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Rides:Edge:Sockets:KeepAliveInterval"] = "00:00:00.5",
        ["Rides:Edge:Sockets:KeepAliveTimeout"] = "00:00:01",
    };
}
