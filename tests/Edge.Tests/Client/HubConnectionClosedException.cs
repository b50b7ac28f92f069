namespace Rides.Edge.Tests.Client;

/// <summary>The connection closed while a call was waiting for its answer.</summary>
public sealed class HubConnectionClosedException(HubCloseInfo info)
    : Exception("The hub connection closed" + (info.Error is null ? "." : ": " + info.Error))
{
    /// <summary>How the connection ended.</summary>
    public HubCloseInfo Info { get; } = info;
}
