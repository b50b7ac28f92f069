using System.Text.Json;
using Rides.Grains.Rides;

namespace Rides.Edge.Protocol.Payloads;

/// <summary><c>{ride_id, rating, comment?}</c>: rate_driver, rate_rider and <c>POST /api/v1/riders/rate/driver</c>.</summary>
/// <param name="RideId">The completed ride.</param>
/// <param name="Rating">1 to 5 stars.</param>
/// <param name="Comment">At most 1000 characters.</param>
public sealed record RatingPayload(string RideId, int Rating, string? Comment)
{
    /// <summary>The ride grain's form.</summary>
    public RatingRequest ToRequest() => new(Rating, Comment);

    internal static RatingPayload Read(JsonElement json, string what = "payload")
    {
        var reader = new PayloadReader(json, what);
        var payload = new RatingPayload(
            reader.Id("ride_id"),
            (int)reader.Integer("rating", 1, 5),
            reader.OptionalText("comment", PayloadLimits.MaxCommentLength));
        reader.ThrowIfInvalid();
        return payload;
    }
}
