using System.Globalization;
using System.Text.Json.Nodes;

namespace Rides.Edge.Tests;

/// <summary>
/// A patch of map of its own for one test, about 50 km from every other, so dispatch (which searches at
/// most a few kilometres) never offers one test's ride to another test's driver on a shared server.
/// </summary>
public sealed class TestArea
{
    private static int _next;

    private TestArea(double latitude, double longitude)
    {
        Latitude = latitude;
        Longitude = longitude;
    }

    /// <summary>The pickup's latitude.</summary>
    public double Latitude { get; }

    /// <summary>The pickup's longitude.</summary>
    public double Longitude { get; }

    /// <summary>A fresh area.</summary>
    public static TestArea Next()
    {
        var n = Interlocked.Increment(ref _next);
        return new TestArea(-40 + (n % 160) * 0.5, -150 + (n / 160) * 0.5);
    }

    /// <summary>A point <paramref name="metersNorth"/> north of the pickup.</summary>
    public (double Latitude, double Longitude) Offset(double metersNorth) => (Latitude + metersNorth / 111_320d, Longitude);

    /// <summary>The pickup as a payload object.</summary>
    public JsonObject Pickup(string address = "1 Test Street") =>
        new() { ["latitude"] = Latitude, ["longitude"] = Longitude, ["address"] = address };

    /// <summary>A destination about 3 km north.</summary>
    public JsonObject Destination(string address = "99 Test Avenue") =>
        new() { ["latitude"] = Latitude + 0.027, ["longitude"] = Longitude, ["address"] = address };

    /// <summary>A ride request body for this area.</summary>
    public JsonObject RideRequest(string vehicleType = "standard") =>
        new() { ["pickup"] = Pickup(), ["destination"] = Destination(), ["vehicle_type"] = vehicleType, ["notes"] = "Blue door" };

    /// <summary>An <c>update_location</c> payload <paramref name="metersNorth"/> from the pickup.</summary>
    public JsonObject Location(double metersNorth = 100)
    {
        var (latitude, longitude) = Offset(metersNorth);
        return new JsonObject { ["latitude"] = latitude, ["longitude"] = longitude, ["heading"] = 90.0, ["speed"] = 8.5 };
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Latitude},{Longitude}");
}
