using Rides.Grains;
using Rides.Grains.Rides;

namespace Rides.Edge.Protocol.Models;

/// <summary>An ended ride in <c>GET /api/v1/riders/rides</c> and <c>GET /api/v1/drivers/rides</c>.</summary>
public sealed record RideHistoryData
{
    /// <summary>The ride.</summary>
    public required string RideId { get; init; }

    /// <summary>completed or canceled.</summary>
    public required RideStatus Status { get; init; }

    /// <summary>The rider.</summary>
    public string? RiderId { get; init; }

    /// <summary>The driver, if one was assigned.</summary>
    public string? DriverId { get; init; }

    /// <summary>Where the rider was picked up.</summary>
    public required Place Pickup { get; init; }

    /// <summary>Where the ride went.</summary>
    public required Place Destination { get; init; }

    /// <summary>The final fare, when completed.</summary>
    public decimal? Fare { get; init; }

    /// <summary>The fare's currency, when completed.</summary>
    public string? Currency { get; init; }

    /// <summary>Kilometres driven, when completed.</summary>
    public double? Distance { get; init; }

    /// <summary>When it was requested.</summary>
    public required DateTimeOffset RequestedAt { get; init; }

    /// <summary>When it ended.</summary>
    public required DateTimeOffset EndedAt { get; init; }

    /// <summary>The wire form of a grain's history entry.</summary>
    public static RideHistoryData From(RideHistoryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new RideHistoryData
        {
            RideId = entry.RideId,
            Status = entry.Status,
            RiderId = entry.RiderId,
            DriverId = entry.DriverId,
            Pickup = entry.Pickup,
            Destination = entry.Destination,
            Fare = entry.Fare,
            Currency = entry.Currency,
            Distance = entry.DistanceKm,
            RequestedAt = entry.RequestedAt,
            EndedAt = entry.EndedAt,
        };
    }
}
