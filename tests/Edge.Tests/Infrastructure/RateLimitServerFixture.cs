namespace Rides.Edge.Tests;

/// <summary>A server with the production location limit stretched to ten minutes, so a second update is refused deterministically.</summary>
public sealed class RateLimitServerFixture : EdgeServerFixture
{
    /// <inheritdoc />
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Rides:Drivers:MinLocationInterval"] = "00:10:00",
    };
}
