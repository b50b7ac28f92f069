namespace Rides.Grains.Riders;

/// <summary>A rider as the rider (or staff) sees it.</summary>
/// <param name="RiderId">The rider's user id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Rating">Average rating given by drivers (5.0 before any).</param>
/// <param name="RatingCount">How many ratings.</param>
/// <param name="ActiveRideId">The rider's one active ride, if any.</param>
/// <param name="RideCount">How many rides have ended (completed or canceled).</param>
/// <param name="Phone">Phone number, if set.</param>
[GenerateSerializer, Alias("rides.RiderView")]
public sealed record RiderView(string RiderId, string Name, double Rating, int RatingCount, string? ActiveRideId, int RideCount, string? Phone = null);
