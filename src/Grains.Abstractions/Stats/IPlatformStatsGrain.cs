using Orleans.Concurrency;

namespace Rides.Grains.Stats;

/// <summary>
/// Cluster-wide counters, one grain under <see cref="Key"/>. Kept in memory and fed by the driver
/// and ride grains; after the grain is lost, counts rebuild as drivers and rides report again.
/// </summary>
[Alias("rides.IPlatformStatsGrain")]
public interface IPlatformStatsGrain : IGrainWithStringKey
{
    /// <summary>The key of the one stats grain.</summary>
    const string Key = "global";

    /// <summary>The current counters.</summary>
    [ReadOnly]
    Task<PlatformStats> Get();

    /// <summary>Records a driver as online or not. Idempotent.</summary>
    Task ReportDriver(string driverId, bool online);

    /// <summary>Records a ride as active or not. Idempotent.</summary>
    Task ReportRide(string rideId, bool active);
}
