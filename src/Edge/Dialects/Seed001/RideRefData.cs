namespace Rides.Edge.Dialects.Seed001;

/// <summary>The data of <c>driver_arrived</c> (with the driver), <c>ride_joined</c>, <c>ride_left</c> and <c>ride_request_withdrawn</c>.</summary>
public sealed record RideRefData
{
    /// <summary>The ride.</summary>
    public required string RideId { get; init; }

    /// <summary>The driver (driver_arrived).</summary>
    public string? DriverId { get; init; }

    /// <summary>The ride's status in seed 000's words (ride_joined).</summary>
    public string? Status { get; init; }

    /// <summary>The id of the ride's latest event (ride_joined), to resume after.</summary>
    public string? LastEventId { get; init; }

    /// <summary>Why an offer was withdrawn: accepted_by_another_driver, expired, ride_canceled.</summary>
    public string? Reason { get; init; }
}
