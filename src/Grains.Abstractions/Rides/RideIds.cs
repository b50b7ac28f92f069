namespace Rides.Grains.Rides;

/// <summary>Ride ids: the key of <see cref="IRideGrain"/>, chosen by the caller that creates the ride.</summary>
public static class RideIds
{
    /// <summary>The longest ride id accepted.</summary>
    public const int MaxLength = 64;

    /// <summary>A new unique ride id (<c>ride_</c> + 32 hex digits).</summary>
    public static string New() => "ride_" + Guid.NewGuid().ToString("N");
}
