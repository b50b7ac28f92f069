using Rides.Grains.Rides;

namespace Rides.Benchmarks.Grains;

/// <summary>Publishes a position on its ride's location topic, as the driver grain does for each location update.</summary>
[Alias("bench.IPublisherGrain")]
public interface IPublisherGrain : IGrainWithStringKey
{
    /// <summary>Publishes <paramref name="location"/> on the ride's location topic and awaits the topic grain's answer.</summary>
    Task Publish(RideLocationEvent location);
}
