namespace Rides.Grains.Domain.Fares;

/// <summary>The tariff of one vehicle class.</summary>
public sealed class FareSchedule
{
    /// <summary>Flag-fall charged on every ride.</summary>
    public decimal Base { get; set; }

    /// <summary>Charge per kilometre driven.</summary>
    public decimal PerKm { get; set; }

    /// <summary>Charge per minute of trip time.</summary>
    public decimal PerMinute { get; set; }

    /// <summary>The least a ride costs.</summary>
    public decimal Minimum { get; set; }
}
