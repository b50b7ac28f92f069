using Rides.Grains.Events;
using Rides.Edge.Protocol.Models;
using Rides.Grains;
using Rides.Grains.Rides;

namespace Rides.Edge.Protocol.Events;

/// <summary><c>driver_location_update</c>: the assigned driver's position, to the ride's rider while the ride is active.</summary>
public sealed record DriverLocationUpdate
{
    /// <summary>The ride.</summary>
    public required string RideId { get; init; }

    /// <summary>The driver.</summary>
    public required string DriverId { get; init; }

    /// <summary>Degrees.</summary>
    public required double Latitude { get; init; }

    /// <summary>Degrees.</summary>
    public required double Longitude { get; init; }

    /// <summary>Degrees clockwise from north, if known.</summary>
    public double? Heading { get; init; }

    /// <summary>Metres per second, if known.</summary>
    public double? Speed { get; init; }

    /// <summary>When the driver reported it.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>The position's sequence number on the ride's location stream.</summary>
    public required long Seq { get; init; }

    /// <summary><c>ride-location/{ride_id}/{seq}</c>.</summary>
    public required string EventId { get; init; }

    /// <summary>The wire form of a location event.</summary>
    public static DriverLocationUpdate From(RideLocationEvent e, long seq)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new DriverLocationUpdate
        {
            RideId = e.RideId,
            DriverId = e.DriverId,
            Latitude = e.Latitude,
            Longitude = e.Longitude,
            Heading = e.Heading,
            Speed = e.SpeedMps,
            Timestamp = e.At,
            Seq = seq,
            EventId = EventIds.For(Topics.RideLocation(e.RideId), seq),
        };
    }
}
