using Rides.Grains.Events;
using Rides.Grains.Rides;

namespace Rides.Benchmarks.Grains;

/// <summary>The grain behind <see cref="IPublisherGrain"/>: the publishing half of <c>DriverGrain.UpdateLocation</c>, nothing else.</summary>
public sealed class PublisherGrain : Grain, IPublisherGrain
{
    /// <inheritdoc />
    public async Task Publish(RideLocationEvent location)
    {
        ArgumentNullException.ThrowIfNull(location);
        await this.PublishAsync(Topics.RideLocation(location.RideId), location);
    }
}
