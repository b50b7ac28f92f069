namespace Rides.Grains.Rides;

/// <summary>A rating of the other party of a completed ride (seed 000's <c>rate_driver</c>).</summary>
/// <param name="Stars">1 to 5.</param>
/// <param name="Comment">Optional comment, at most 1000 characters.</param>
[GenerateSerializer, Alias("rides.RatingRequest")]
public sealed record RatingRequest(int Stars, string? Comment = null);
