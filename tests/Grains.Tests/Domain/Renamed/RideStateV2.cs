using Rides.Grains.Riders;
using Rides.Grains.Rides;

namespace Rides.Grains.Tests.Domain.Renamed;

/// <summary>The ride state as a later release might name and place it: another class, another namespace.</summary>
public sealed class RideStateV2
{
    public RiderInfo? Rider { get; set; }

    public RideStatus Status { get; set; }

    public long Seq { get; set; }

    public List<RideStatusEvent> Events { get; set; } = [];
}
