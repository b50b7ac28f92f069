using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Rides.Edge.Protocol;
using Rides.Edge.Protocol.Payloads;
using Rides.Edge.Protocol.Responses;
using Rides.Grains;
using Rides.Grains.Drivers;

namespace Rides.Edge.Hubs;

/// <summary>The driver's availability and location.</summary>
public sealed partial class RidesHub
{
    /// <summary><c>go_online {}</c>: the driver becomes available; its connections receive its offers (<c>POST /api/v1/drivers/online</c> too).</summary>
    [HubMethodName(HubMethodNames.GoOnline)]
    public async Task<HubResponse> GoOnline(JsonElement payload)
    {
        EmptyPayload.Read(payload);
        var caller = RequireRole(UserRole.Driver, HubMethodNames.GoOnline);
        return DriverStatusAnswer(await Driver(caller).GoOnline(caller).ConfigureAwait(false));
    }

    /// <summary><c>go_offline {}</c>: the driver stops being offered rides (<c>POST /api/v1/drivers/offline</c> too).</summary>
    [HubMethodName(HubMethodNames.GoOffline)]
    public async Task<HubResponse> GoOffline(JsonElement payload)
    {
        EmptyPayload.Read(payload);
        var caller = RequireRole(UserRole.Driver, HubMethodNames.GoOffline);
        return DriverStatusAnswer(await Driver(caller).GoOffline(caller).ConfigureAwait(false));
    }

    /// <summary><c>update_location {latitude, longitude, heading?, speed?}</c>: at most one accepted per second.</summary>
    [HubMethodName(HubMethodNames.UpdateLocation)]
    public async Task<HubResponse> UpdateLocation(JsonElement payload)
    {
        var location = LocationPayload.Read(payload);
        var caller = RequireRole(UserRole.Driver, HubMethodNames.UpdateLocation);
        await Driver(caller).UpdateLocation(caller, location.ToUpdate()).ConfigureAwait(false);
        return HubResponse.Success("Location updated");
    }

    internal static DriverStatusResponse DriverStatusAnswer(DriverView driver) => new()
    {
        Message = driver.IsOnline ? "Driver is now online" : "Driver is now offline",
        DriverId = driver.DriverId,
        IsOnline = driver.IsOnline,
    };

    private IDriverGrain Driver(Caller caller) => cluster.GetGrain<IDriverGrain>(caller.UserId);
}
