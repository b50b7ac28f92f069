namespace Rides.Grains.Rides;

/// <summary>The answer to a rating.</summary>
/// <param name="RideId">The rated ride.</param>
/// <param name="RatedUserId">The driver (or rider) rated.</param>
/// <param name="Stars">The stars given.</param>
/// <param name="NewAverage">The rated user's average after this rating.</param>
/// <param name="RatingCount">How many ratings the average is over.</param>
[GenerateSerializer, Alias("rides.RatingResult")]
public sealed record RatingResult(string RideId, string RatedUserId, int Stars, double NewAverage, int RatingCount);
