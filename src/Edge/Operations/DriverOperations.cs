using Rides.Edge.Subscriptions;
using Rides.Grains;
using Rides.Grains.Drivers;

namespace Rides.Edge.Operations;

/// <summary>A driver's availability on a connection: going online subscribes the connection to the driver's offers first.</summary>
public sealed class DriverOperations(IClusterClient cluster, ConnectionStreams streams)
{
    /// <summary>The action name used in refusals.</summary>
    public const string GoOnlineAction = "go_online";

    /// <summary>The action name used in refusals.</summary>
    public const string GoOfflineAction = "go_offline";

    /// <summary>The action name used in refusals.</summary>
    public const string UpdateLocationAction = "update_location";

    /// <summary>The driver goes online and the connection receives its offers (subscribed first, so no offer made right after is missed).</summary>
    public async Task<DriverView> GoOnlineAsync(string connectionId, Caller caller, string action = GoOnlineAction)
    {
        CallerRoles.Require(caller, UserRole.Driver, action);
        await streams.JoinDriverOffersAsync(connectionId, caller.UserId).ConfigureAwait(false);
        try
        {
            return await Driver(caller).GoOnline(caller).ConfigureAwait(false);
        }
        catch
        {
            await streams.LeaveDriverOffersAsync(connectionId, caller.UserId).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The driver goes offline and offers stop on the connection.</summary>
    public async Task<DriverView> GoOfflineAsync(string connectionId, Caller caller, string action = GoOfflineAction)
    {
        CallerRoles.Require(caller, UserRole.Driver, action);
        var driver = await Driver(caller).GoOffline(caller).ConfigureAwait(false);
        await streams.LeaveDriverOffersAsync(connectionId, caller.UserId).ConfigureAwait(false);
        return driver;
    }

    /// <summary>The driver reports its position (the grain allows one a second).</summary>
    public Task UpdateLocationAsync(Caller caller, LocationUpdate update, string action = UpdateLocationAction)
    {
        CallerRoles.Require(caller, UserRole.Driver, action);
        return Driver(caller).UpdateLocation(caller, update);
    }

    private IDriverGrain Driver(Caller caller) => cluster.GetGrain<IDriverGrain>(caller.UserId);
}
