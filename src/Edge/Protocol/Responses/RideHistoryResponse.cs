using Rides.Edge.Protocol.Models;
using Rides.Grains.Rides;

namespace Rides.Edge.Protocol.Responses;

/// <summary>The answer of <c>GET /api/v1/riders/rides</c> and <c>GET /api/v1/drivers/rides</c>: one page, newest first.</summary>
public sealed class RideHistoryResponse : HubResponse
{
    /// <summary>The page's rides.</summary>
    public required IReadOnlyList<RideHistoryData> Rides { get; init; }

    /// <summary>How many ended rides the history keeps (the most recent 100).</summary>
    public required int Total { get; init; }

    /// <summary>How many newer rides were skipped.</summary>
    public required int Skip { get; init; }

    /// <summary>The page size asked for.</summary>
    public required int Limit { get; init; }

    /// <summary>Whether older rides follow.</summary>
    public required bool HasMore { get; init; }

    /// <summary>The answer for a grain's page.</summary>
    public static RideHistoryResponse From(RideHistoryPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return new RideHistoryResponse
        {
            Message = $"Retrieved {page.Rides.Count} rides",
            Rides = [.. page.Rides.Select(RideHistoryData.From)],
            Total = page.Total,
            Skip = page.Skip,
            Limit = page.Limit,
            HasMore = page.HasMore,
        };
    }
}
