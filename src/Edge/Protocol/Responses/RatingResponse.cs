namespace Rides.Edge.Protocol.Responses;

/// <summary>The answer to <c>rate_driver</c> / <c>rate_rider</c> and the body of <c>POST /api/v1/riders/rate/driver</c>.</summary>
public sealed class RatingResponse : HubResponse
{
    /// <summary>The rated ride.</summary>
    public required string RideId { get; init; }

    /// <summary>The rated user.</summary>
    public required string RatedUserId { get; init; }

    /// <summary>The stars given.</summary>
    public required int Rating { get; init; }

    /// <summary>The rated user's average now.</summary>
    public required double NewAverage { get; init; }

    /// <summary>How many ratings the average is over.</summary>
    public required int RatingCount { get; init; }
}
