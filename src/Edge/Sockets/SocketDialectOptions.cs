using System.Text.Json;

namespace Rides.Edge.Sockets;

/// <summary>What the core needs to know of one dialect: its name (for logs), its JSON conventions and how it refuses bad tokens.</summary>
public sealed class SocketDialectOptions
{
    /// <summary>A short name for logs and connection ids, e.g. <c>seed001</c>.</summary>
    public required string Name { get; init; }

    /// <summary>How the dialect's frames are written (naming policy, enums, nulls).</summary>
    public required JsonSerializerOptions Json { get; init; }

    /// <summary>How a missing, bad or expired token is refused. Default: 401 before the upgrade.</summary>
    public SocketUnauthenticated Unauthenticated { get; init; } = SocketUnauthenticated.RefuseUpgrade;
}
