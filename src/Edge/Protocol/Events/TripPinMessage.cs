namespace Rides.Edge.Protocol.Events;

/// <summary><c>trip_pin</c>: the PIN the rider tells the driver to start the trip (seed 002's OTP), to the rider only.</summary>
public sealed record TripPinMessage
{
    /// <summary>The accepted ride.</summary>
    public required string RideId { get; init; }

    /// <summary>The 4-digit PIN.</summary>
    public required string Pin { get; init; }

    /// <summary>A human message.</summary>
    public required string Message { get; init; }

    /// <summary>When.</summary>
    public required DateTimeOffset Timestamp { get; init; }
}
