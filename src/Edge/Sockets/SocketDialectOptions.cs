using System.Text.Json;
using Rides.Grains;

namespace Rides.Edge.Sockets;

/// <summary>What the core needs to know of one dialect: its name (for logs), its JSON conventions, who may connect and how it refuses.</summary>
public sealed class SocketDialectOptions
{
    /// <summary>A short name for logs and connection ids, e.g. <c>seed001</c>.</summary>
    public required string Name { get; init; }

    /// <summary>How the dialect's frames are written (naming policy, enums, nulls).</summary>
    public required JsonSerializerOptions Json { get; init; }

    /// <summary>How a missing, bad or expired token is refused. Default: 401 before the upgrade.</summary>
    public SocketUnauthenticated Unauthenticated { get; init; } = SocketUnauthenticated.RefuseUpgrade;

    /// <summary>
    /// The roles that may connect (seed 002's driver channels take drivers only); null lets every token role in. A valid
    /// token of another role is refused before the upgrade with HTTP 403 (FORBIDDEN), whatever <see cref="Unauthenticated"/> says.
    /// </summary>
    public IReadOnlySet<UserRole>? AllowedRoles { get; init; }

    /// <summary>
    /// The body of an HTTP refusal before the upgrade (401, 403) in the dialect's own shape, from the refusal's code and
    /// message; null writes the hub's JSON error envelope.
    /// </summary>
    public Func<SocketError, object>? RefusalBody { get; init; }
}
