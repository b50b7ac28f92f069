namespace Rides.LoadGen.Hosting;

/// <summary>A process of the platform under load, whose memory and file descriptors are measured.</summary>
/// <param name="Role">e.g. <c>both</c>, <c>silo 1</c>, <c>edge 2</c>, <c>relay</c>.</param>
/// <param name="Pid">Its process id.</param>
/// <param name="Url">Its HTTP address.</param>
public sealed record ServerProcess(string Role, int Pid, Uri Url)
{
    /// <summary>Whether it serves clients (hub, REST): the embedded host, an edge or the relay.</summary>
    public bool IsEdge => !Role.StartsWith("silo", StringComparison.Ordinal);

    /// <summary>Whether it hosts grains: the embedded host or a silo.</summary>
    public bool IsSilo => !Role.StartsWith("edge", StringComparison.Ordinal) && Role != "relay";
}
