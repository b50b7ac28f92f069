using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Rides.Edge.Protocol;
using Rides.Edge.Protocol.Payloads;
using Rides.Edge.Protocol.Responses;

namespace Rides.Edge.Hubs;

/// <summary>The driver's availability and location.</summary>
public sealed partial class RidesHub
{
    /// <summary><c>go_online {}</c>: the driver becomes available and this connection receives its offers.</summary>
    [HubMethodName(HubMethodNames.GoOnline)]
    public async Task<HubResponse> GoOnline(JsonElement payload)
    {
        EmptyPayload.Read(payload);
        var driver = await drivers.GoOnlineAsync(Context.ConnectionId, Caller, HubMethodNames.GoOnline).ConfigureAwait(false);
        return new DriverStatusResponse { Message = "Driver is now online", DriverId = driver.DriverId, IsOnline = driver.IsOnline };
    }

    /// <summary><c>go_offline {}</c>: the driver stops receiving offers.</summary>
    [HubMethodName(HubMethodNames.GoOffline)]
    public async Task<HubResponse> GoOffline(JsonElement payload)
    {
        EmptyPayload.Read(payload);
        var driver = await drivers.GoOfflineAsync(Context.ConnectionId, Caller, HubMethodNames.GoOffline).ConfigureAwait(false);
        return new DriverStatusResponse { Message = "Driver is now offline", DriverId = driver.DriverId, IsOnline = driver.IsOnline };
    }

    /// <summary><c>update_location {latitude, longitude, heading?, speed?}</c>: at most one accepted per second.</summary>
    [HubMethodName(HubMethodNames.UpdateLocation)]
    public async Task<HubResponse> UpdateLocation(JsonElement payload)
    {
        var location = LocationPayload.Read(payload);
        await drivers.UpdateLocationAsync(Caller, location.ToUpdate(), HubMethodNames.UpdateLocation).ConfigureAwait(false);
        return HubResponse.Success("Location updated");
    }
}
