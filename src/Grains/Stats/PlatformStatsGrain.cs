
namespace Rides.Grains.Stats;

/// <summary>Counts online drivers and active rides in memory; idempotent reports.</summary>
[GrainType("platformstats")]
[CollectionAgeLimit(Minutes = 1440)]
public sealed class PlatformStatsGrain : Grain, IPlatformStatsGrain
{
    private readonly HashSet<string> _onlineDrivers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _activeRides = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<PlatformStats> Get() => Task.FromResult(new PlatformStats(_onlineDrivers.Count, _activeRides.Count));

    /// <inheritdoc />
    public Task ReportDriver(string driverId, bool online)
    {
        _ = online ? _onlineDrivers.Add(driverId) : _onlineDrivers.Remove(driverId);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task ReportRide(string rideId, bool active)
    {
        _ = active ? _activeRides.Add(rideId) : _activeRides.Remove(rideId);
        return Task.CompletedTask;
    }
}
