namespace Rides.Grains.Domain.Dispatch;

/// <summary>How rides are offered to drivers (configuration section <c>Rides:Dispatch</c>).</summary>
public sealed class DispatchOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Rides:Dispatch";

    /// <summary>Drivers offered a ride at once. Default 5.</summary>
    public int BatchSize { get; set; } = 5;

    /// <summary>How long an offer stands. Default 15 s.</summary>
    public TimeSpan OfferTtl { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Batches before the ride is canceled with <c>no_driver_found</c>. Default 3.</summary>
    public int MaxBatches { get; set; } = 3;

    /// <summary>The search radius of the first batch. Default 1000 m.</summary>
    public double InitialRadiusMeters { get; set; } = 1000;

    /// <summary>How much each later batch widens the radius. Default 500 m.</summary>
    public double RadiusStepMeters { get; set; } = 500;

    /// <summary>A driver whose last location is older than this is never offered. Default 30 s.</summary>
    public TimeSpan LocationStaleAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The geo-cell size. Default 2000 m: at mid-latitudes a first batch (1 km) reads 2–6 cells and the widest
    /// (2 km) 6–12, where 500 m cells made it about 25 and 81 grain calls. Each cell answers with its nearest matches only, so a dense cell
    /// costs a scan in its own activation, not a larger answer.
    /// </summary>
    public int CellSizeMeters { get; set; } = 2000;

    /// <summary>The search radius of batch <paramref name="round"/> (1-based).</summary>
    public double RadiusForRound(int round) => InitialRadiusMeters + (Math.Max(1, round) - 1) * RadiusStepMeters;

    /// <summary>Throws when a value is out of range.</summary>
    public void Validate()
    {
        if (BatchSize < 1 || MaxBatches < 1 || OfferTtl <= TimeSpan.Zero || InitialRadiusMeters <= 0
            || RadiusStepMeters < 0 || LocationStaleAfter <= TimeSpan.Zero || CellSizeMeters < 50)
        {
            throw new InvalidOperationException("Rides:Dispatch options are out of range.");
        }
    }
}
