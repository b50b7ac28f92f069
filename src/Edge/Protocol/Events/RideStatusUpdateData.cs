using Rides.Grains.Drivers;

namespace Rides.Edge.Protocol.Events;

/// <summary>The <c>data</c> of a <c>ride_status_update</c>.</summary>
public sealed record RideStatusUpdateData
{
    /// <summary>A human message, e.g. "Driver John is on the way!".</summary>
    public required string Message { get; init; }

    /// <summary>The assigned driver (name, rating, vehicle…), from acceptance on.</summary>
    public DriverInfo? Driver { get; init; }

    /// <summary>Minutes until pickup, on acceptance.</summary>
    public int? EtaMinutes { get; init; }

    /// <summary>On cancellation: rider, driver, staff, admin or system.</summary>
    public string? CanceledBy { get; init; }

    /// <summary>On cancellation: the reason given (system reasons: no_driver_found, driver_lost).</summary>
    public string? Reason { get; init; }

    /// <summary>On completion: the final fare.</summary>
    public decimal? Fare { get; init; }

    /// <summary>On completion: the fare's currency.</summary>
    public string? Currency { get; init; }

    /// <summary>On completion: kilometres driven.</summary>
    public double? Distance { get; init; }

    /// <summary>On completion: trip seconds.</summary>
    public int? Duration { get; init; }
}
