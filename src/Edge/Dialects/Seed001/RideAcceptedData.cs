namespace Rides.Edge.Dialects.Seed001;

/// <summary><c>ride_accepted</c>: a driver accepted the ride.</summary>
public sealed record RideAcceptedData
{
    /// <summary>The ride.</summary>
    public required string RideId { get; init; }

    /// <summary>The driver.</summary>
    public required string DriverId { get; init; }

    /// <summary>The driver's name.</summary>
    public required string DriverName { get; init; }

    /// <summary>standard, premium, xl or moto.</summary>
    public required string VehicleType { get; init; }

    /// <summary>Make and model.</summary>
    public string? Vehicle { get; init; }

    /// <summary>The plate, if known.</summary>
    public string? VehiclePlate { get; init; }

    /// <summary>The colour, if known.</summary>
    public string? VehicleColor { get; init; }

    /// <summary>1 to 5.</summary>
    public required double DriverRating { get; init; }

    /// <summary>Minutes until pickup.</summary>
    public int? EstimatedArrival { get; init; }
}
