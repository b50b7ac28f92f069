using Microsoft.AspNetCore.SignalR;
using Rides.Edge.Protocol;
using Rides.Edge.Protocol.Events;

namespace Rides.LoadGen.Baseline;

/// <summary>What the echo hub sends: the same event name and wire type as the rides hub's location fan-out.</summary>
public interface IEchoClient
{
    /// <summary>A relayed location.</summary>
    [HubMethodName(ClientMethodNames.DriverLocationUpdate)]
    Task DriverLocationUpdate(DriverLocationUpdate update);
}
