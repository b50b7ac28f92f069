namespace Rides.Edge.Sockets;

/// <summary>How a dialect refuses a connection without a valid token.</summary>
public enum SocketUnauthenticated
{
    /// <summary>HTTP 401 (403 for a valid token naming no usable user or role) before the upgrade, with the JSON error envelope.</summary>
    RefuseUpgrade,

    /// <summary>Accept the upgrade, then close the socket with 1008 (policy violation), as seed 004 states.</summary>
    CloseWithPolicyViolation,
}
