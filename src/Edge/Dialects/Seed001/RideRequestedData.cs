namespace Rides.Edge.Dialects.Seed001;

/// <summary><c>ride_requested</c>: a ride offered to this driver (seed 001's fields, then the platform's extras).</summary>
public sealed record RideRequestedData
{
    /// <summary>The ride.</summary>
    public required string RideId { get; init; }

    /// <summary>The rider's user id.</summary>
    public required string PassengerId { get; init; }

    /// <summary>standard, premium, xl or moto.</summary>
    public required string RideType { get; init; }

    /// <summary>Degrees.</summary>
    public required double PickupLatitude { get; init; }

    /// <summary>Degrees.</summary>
    public required double PickupLongitude { get; init; }

    /// <summary>Degrees.</summary>
    public required double DropoffLatitude { get; init; }

    /// <summary>Degrees.</summary>
    public required double DropoffLongitude { get; init; }

    /// <summary>The estimated fare.</summary>
    public required decimal EstimatedFare { get; init; }

    /// <summary>The fare's currency.</summary>
    public required string Currency { get; init; }

    /// <summary>The pickup's address, when given.</summary>
    public string? PickupAddress { get; init; }

    /// <summary>The destination's address, when given.</summary>
    public string? DropoffAddress { get; init; }

    /// <summary>The rider's name.</summary>
    public string? PassengerName { get; init; }

    /// <summary>Straight-line metres from the driver to the pickup.</summary>
    public required double DistanceToPickupMeters { get; init; }

    /// <summary>After this the offer cannot be accepted.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }
}
