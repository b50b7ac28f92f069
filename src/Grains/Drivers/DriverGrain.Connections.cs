namespace Rides.Grains.Drivers;

/// <summary>
/// Which of the driver's app connections are open, as the edge nodes report them: a driver whose last
/// connection closed goes offline, so it is neither offered rides nobody would see nor counted online.
/// </summary>
public sealed partial class DriverGrain
{
    /// <inheritdoc />
    public Task AttachConnection(string connectionId)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionId);
        _connections.Add(connectionId);
        _offlineWhenFree = false;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task DetachConnection(string connectionId)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionId);

        // The set lives in memory: after a reactivation an unknown id closing counts as the last one, which
        // errs towards offline (the app goes online again when it reconnects).
        _connections.Remove(connectionId);
        if (_connections.Count > 0 || !S.IsOnline)
        {
            return;
        }

        if (S.CurrentRideId is not null)
        {
            _offlineWhenFree = true; // the ride goes on; EndRide takes the driver offline if it is still gone
            return;
        }

        LogLastConnectionClosed(logger, DriverId);
        await SetOfflineAsync();
    }
}
