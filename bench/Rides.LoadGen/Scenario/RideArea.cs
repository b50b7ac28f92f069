namespace Rides.LoadGen.Scenario;

/// <summary>
/// The map patch of ride <c>index</c>, half a degree from every other, so dispatch (a few kilometres at most)
/// offers each ride to its own driver only. Driver positions are unique per ride and step, so a received
/// location identifies the send it came from.
/// </summary>
public sealed class RideArea(int index)
{
    private const double MetersPerDegree = 111_320d;

    /// <summary>The pickup's latitude.</summary>
    public double Latitude { get; } = -40 + (index % 160) * 0.5;

    /// <summary>The pickup's longitude.</summary>
    public double Longitude { get; } = -150 + (index / 160) * 0.5;

    /// <summary>The driver's position at <paramref name="step"/>: 150 m north of the pickup, then a metre further each step.</summary>
    public (double Latitude, double Longitude) Position(int step) => (Latitude + (150 + step) / MetersPerDegree, Longitude);
}
