using Rides.Grains.Riders;

namespace Rides.Edge.Protocol.Responses;

/// <summary>The answer of <c>GET</c> and <c>PUT /api/v1/riders/me</c>.</summary>
public sealed class RiderProfileResponse : HubResponse
{
    /// <summary>The rider.</summary>
    public required string RiderId { get; init; }

    /// <summary>Display name.</summary>
    public required string Name { get; init; }

    /// <summary>Phone number, without separators.</summary>
    public string? Phone { get; init; }

    /// <summary>Average rating given by drivers (5.0 before any).</summary>
    public required double Rating { get; init; }

    /// <summary>How many ratings.</summary>
    public required int RatingCount { get; init; }

    /// <summary>The rider's active ride, if any.</summary>
    public string? ActiveRideId { get; init; }

    /// <summary>How many rides have ended.</summary>
    public required int RideCount { get; init; }

    /// <summary>The answer for a rider's view.</summary>
    public static RiderProfileResponse From(string message, RiderView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new RiderProfileResponse
        {
            Message = message,
            RiderId = view.RiderId,
            Name = view.Name,
            Phone = view.Phone,
            Rating = view.Rating,
            RatingCount = view.RatingCount,
            ActiveRideId = view.ActiveRideId,
            RideCount = view.RideCount,
        };
    }
}
