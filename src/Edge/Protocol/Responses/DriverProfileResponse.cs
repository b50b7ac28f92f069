using Rides.Grains.Drivers;
using Rides.Grains.Rides;

namespace Rides.Edge.Protocol.Responses;

/// <summary>The answer of <c>GET</c> and <c>PUT /api/v1/drivers/me</c>: the profile, vehicle, rating and availability.</summary>
public sealed class DriverProfileResponse : HubResponse
{
    /// <summary>The driver.</summary>
    public required string DriverId { get; init; }

    /// <summary>Display name.</summary>
    public required string Name { get; init; }

    /// <summary>Phone number, without separators.</summary>
    public string? Phone { get; init; }

    /// <summary>e.g. Toyota.</summary>
    public string? VehicleMake { get; init; }

    /// <summary>e.g. Camry.</summary>
    public string? VehicleModel { get; init; }

    /// <summary>standard, premium, xl or moto: the rides the driver is offered.</summary>
    public required VehicleType VehicleType { get; init; }

    /// <summary>Licence plate.</summary>
    public string? Plate { get; init; }

    /// <summary>Vehicle colour.</summary>
    public string? Color { get; init; }

    /// <summary>Average rating (5.0 before any).</summary>
    public required double Rating { get; init; }

    /// <summary>How many ratings.</summary>
    public required int RatingCount { get; init; }

    /// <summary>Whether the driver is online.</summary>
    public required bool IsOnline { get; init; }

    /// <summary>The active ride, if any.</summary>
    public string? CurrentRideId { get; init; }

    /// <summary>The answer for a driver's view.</summary>
    public static DriverProfileResponse From(string message, DriverView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var p = view.Profile;
        return new DriverProfileResponse
        {
            Message = message,
            DriverId = view.DriverId,
            Name = p.Name,
            Phone = p.Phone,
            VehicleMake = p.VehicleMake,
            VehicleModel = p.VehicleModel,
            VehicleType = p.VehicleType,
            Plate = p.Plate,
            Color = p.Color,
            Rating = view.Rating,
            RatingCount = view.RatingCount,
            IsOnline = view.IsOnline,
            CurrentRideId = view.CurrentRideId,
        };
    }
}
