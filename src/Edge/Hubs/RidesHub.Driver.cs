using Rides.Grains.Drivers;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Rides.Edge.Protocol;
using Rides.Edge.Protocol.Payloads;
using Rides.Edge.Protocol.Responses;

namespace Rides.Edge.Hubs;

/// <summary>The driver's availability and location.</summary>
public sealed partial class RidesHub
{
    /// <summary><c>go_online {}</c>: the driver becomes available; its connections receive its offers (<c>POST /api/v1/drivers/online</c> too).</summary>
    [HubMethodName(HubMethodNames.GoOnline)]
    public async Task<HubResponse> GoOnline(JsonElement payload)
    {
        EmptyPayload.Read(payload);
        return DriverStatusAnswer(await drivers.GoOnlineAsync(Caller, HubMethodNames.GoOnline).ConfigureAwait(false));
    }

    /// <summary><c>go_offline {}</c>: the driver stops being offered rides (<c>POST /api/v1/drivers/offline</c> too).</summary>
    [HubMethodName(HubMethodNames.GoOffline)]
    public async Task<HubResponse> GoOffline(JsonElement payload)
    {
        EmptyPayload.Read(payload);
        return DriverStatusAnswer(await drivers.GoOfflineAsync(Caller, HubMethodNames.GoOffline).ConfigureAwait(false));
    }

    /// <summary><c>update_location {latitude, longitude, heading?, speed?}</c>: at most one accepted per second.</summary>
    [HubMethodName(HubMethodNames.UpdateLocation)]
    public async Task<HubResponse> UpdateLocation(JsonElement payload)
    {
        var location = LocationPayload.Read(payload);
        await drivers.UpdateLocationAsync(Caller, location.ToUpdate(), HubMethodNames.UpdateLocation).ConfigureAwait(false);
        return HubResponse.Success("Location updated");
    }

    internal static DriverStatusResponse DriverStatusAnswer(DriverView driver) => new()
    {
        Message = driver.IsOnline ? "Driver is now online" : "Driver is now offline",
        DriverId = driver.DriverId,
        IsOnline = driver.IsOnline,
    };
}
