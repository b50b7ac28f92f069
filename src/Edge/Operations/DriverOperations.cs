using Microsoft.Extensions.Logging;
using Rides.Edge.Subscriptions;
using Rides.Grains;
using Rides.Grains.Authorization;
using Rides.Grains.Drivers;

namespace Rides.Edge.Operations;

/// <summary>
/// A driver's presence and availability, the same for every protocol. Each open driver connection (hub or
/// socket dialect) hears the driver's offers and is known to the driver grain, which goes offline when its last
/// connection closes; going online or offline only changes whether the grain offers the driver rides.
/// </summary>
public sealed partial class DriverOperations(IClusterClient cluster, ConnectionStreams streams, ILogger<DriverOperations> logger)
{
    /// <summary>The action name used in refusals.</summary>
    public const string GoOnlineAction = "go_online";

    /// <summary>The action name used in refusals.</summary>
    public const string GoOfflineAction = "go_offline";

    /// <summary>The action name used in refusals.</summary>
    public const string UpdateLocationAction = "update_location";

    /// <summary>A connection opened: a driver's hears its offers (subscribed first, so none made meanwhile is missed) and counts for its presence.</summary>
    public async Task OpenedAsync(string connectionId, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.Role != UserRole.Driver)
        {
            return;
        }

        await streams.JoinDriverOffersAsync(connectionId, caller.UserId).ConfigureAwait(false);
        await Driver(caller).AttachConnection(connectionId).ConfigureAwait(false);
    }

    /// <summary>A connection closed: the driver grain hears of it (and goes offline after its last one); a failure is logged.</summary>
    public async Task ClosedAsync(string connectionId, Caller? caller)
    {
        if (caller is not { Role: UserRole.Driver })
        {
            return;
        }

        try
        {
            await Driver(caller).DetachConnection(connectionId).ConfigureAwait(false);
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            // The driver then stays online until it goes offline itself; nothing to tell a closed connection.
            LogDetachFailed(logger, failure, connectionId, caller.UserId);
        }
    }

    /// <summary>The driver goes online: the grain offers it rides (its connections already hear its offers).</summary>
    public Task<DriverView> GoOnlineAsync(Caller caller, string action = GoOnlineAction)
    {
        CallerRoles.Require(caller, PlatformAction.GoOnline, action);
        return Driver(caller).GoOnline(caller);
    }

    /// <summary>The driver goes offline: no more offers.</summary>
    public Task<DriverView> GoOfflineAsync(Caller caller, string action = GoOfflineAction)
    {
        CallerRoles.Require(caller, PlatformAction.GoOffline, action);
        return Driver(caller).GoOffline(caller);
    }

    /// <summary>The driver reports its position (the grain allows one a second).</summary>
    public Task UpdateLocationAsync(Caller caller, LocationUpdate update, string action = UpdateLocationAction)
    {
        CallerRoles.Require(caller, PlatformAction.UpdateLocation, action);
        return Driver(caller).UpdateLocation(caller, update);
    }

    private IDriverGrain Driver(Caller caller) => cluster.Get<IDriverGrain>(caller.UserId);

    [LoggerMessage(EventId = 203, Level = LogLevel.Warning, Message = "Connection {ConnectionId} closed but driver {DriverId} could not be told")]
    private static partial void LogDetachFailed(ILogger logger, Exception exception, string connectionId, string driverId);
}
