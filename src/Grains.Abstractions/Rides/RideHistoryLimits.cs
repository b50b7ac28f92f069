namespace Rides.Grains.Rides;

/// <summary>How much ride history riders and drivers keep, and how it is paged.</summary>
public static class RideHistoryLimits
{
    /// <summary>How many ended rides a history keeps; older ones drop off.</summary>
    public const int Kept = 100;

    /// <summary>The largest page.</summary>
    public const int MaxPage = 100;

    /// <summary>The page size when none is asked for.</summary>
    public const int DefaultPage = 20;
}
