using Rides.Edge.Protocol.Models;

namespace Rides.Edge.Protocol.Responses;

/// <summary>The answer to <c>request_ride</c> (seed 001) and the body of <c>POST /api/v1/riders/rides</c>.</summary>
public sealed class RequestRideResponse : HubResponse
{
    /// <summary>The new ride.</summary>
    public required string RideId { get; init; }

    /// <summary>The estimated fare.</summary>
    public required decimal EstimatedFare { get; init; }

    /// <summary>The estimated trip duration in minutes.</summary>
    public required int EstimatedDuration { get; init; }

    /// <summary>The fare's currency.</summary>
    public required string Currency { get; init; }

    /// <summary>The ride as created.</summary>
    public required RideData RideData { get; init; }
}
