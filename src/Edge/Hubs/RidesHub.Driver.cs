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
    /// <summary><c>go_online {}</c>: the driver becomes available and this connection receives its offers.</summary>
    [HubMethodName(HubMethodNames.GoOnline)]
    public async Task<HubResponse> GoOnline(JsonElement payload)
    {
        EmptyPayload.Read(payload);
        var caller = RequireRole(UserRole.Driver, HubMethodNames.GoOnline);

        // Subscribe first so that no offer made right after going online is missed.
        await streams.JoinDriverOffersAsync(Context.ConnectionId, caller.UserId).ConfigureAwait(false);
        try
        {
            var driver = await Driver(caller).GoOnline(caller).ConfigureAwait(false);
            return new DriverStatusResponse { Message = "Driver is now online", DriverId = driver.DriverId, IsOnline = driver.IsOnline };
        }
        catch
        {
            await streams.LeaveDriverOffersAsync(Context.ConnectionId, caller.UserId).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary><c>go_offline {}</c>: the driver stops receiving offers.</summary>
    [HubMethodName(HubMethodNames.GoOffline)]
    public async Task<HubResponse> GoOffline(JsonElement payload)
    {
        EmptyPayload.Read(payload);
        var caller = RequireRole(UserRole.Driver, HubMethodNames.GoOffline);
        var driver = await Driver(caller).GoOffline(caller).ConfigureAwait(false);
        await streams.LeaveDriverOffersAsync(Context.ConnectionId, caller.UserId).ConfigureAwait(false);
        return new DriverStatusResponse { Message = "Driver is now offline", DriverId = driver.DriverId, IsOnline = driver.IsOnline };
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

    private IDriverGrain Driver(Caller caller) => cluster.GetGrain<IDriverGrain>(caller.UserId);
}
