using Rides.Grains.Rides;

namespace Rides.Grains.Domain.Fares;

/// <summary>Fares by vehicle class (configuration section <c>Rides:Fares</c>).</summary>
public sealed class FareOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Rides:Fares";

    /// <summary>ISO 4217 currency of every amount. Default USD.</summary>
    public string Currency { get; set; } = "USD";

    /// <summary>Road distance over straight-line distance used by estimates. Default 1.3.</summary>
    public double RoadFactor { get; set; } = 1.3;

    /// <summary>Average urban speed used by estimates and ETAs, km/h. Default 30.</summary>
    public double AverageSpeedKmh { get; set; } = 30;

    /// <summary>Standard: 2.50 + 1.20/km + 0.30/min, at least 6.00.</summary>
    public FareSchedule Standard { get; set; } = new() { Base = 2.50m, PerKm = 1.20m, PerMinute = 0.30m, Minimum = 6.00m };

    /// <summary>Premium: 5.00 + 2.20/km + 0.50/min, at least 12.00.</summary>
    public FareSchedule Premium { get; set; } = new() { Base = 5.00m, PerKm = 2.20m, PerMinute = 0.50m, Minimum = 12.00m };

    /// <summary>XL: 4.00 + 1.80/km + 0.40/min, at least 10.00.</summary>
    public FareSchedule Xl { get; set; } = new() { Base = 4.00m, PerKm = 1.80m, PerMinute = 0.40m, Minimum = 10.00m };

    /// <summary>Moto: 1.50 + 0.70/km + 0.15/min, at least 3.50.</summary>
    public FareSchedule Moto { get; set; } = new() { Base = 1.50m, PerKm = 0.70m, PerMinute = 0.15m, Minimum = 3.50m };

    /// <summary>The schedule of a vehicle class.</summary>
    public FareSchedule For(VehicleType type) => type switch
    {
        VehicleType.Standard => Standard,
        VehicleType.Premium => Premium,
        VehicleType.Xl => Xl,
        VehicleType.Moto => Moto,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
