namespace Rides.Grains.Drivers;

/// <summary>A driver as the driver (or staff) sees it.</summary>
/// <param name="DriverId">The driver's user id.</param>
/// <param name="Profile">Profile and vehicle.</param>
/// <param name="Rating">Average rating (5.0 before any rating).</param>
/// <param name="RatingCount">How many ratings.</param>
/// <param name="IsOnline">Whether the driver is available for offers (or on a ride).</param>
/// <param name="CurrentRideId">The active ride, if any.</param>
/// <param name="Location">The last accepted location, if any.</param>
/// <param name="PendingOfferRideIds">Rides currently offered to the driver and not yet expired.</param>
[GenerateSerializer, Alias("rides.DriverView")]
public sealed record DriverView(
    string DriverId,
    DriverProfile Profile,
    double Rating,
    int RatingCount,
    bool IsOnline,
    string? CurrentRideId,
    DriverLocation? Location,
    IReadOnlyList<string> PendingOfferRideIds);
