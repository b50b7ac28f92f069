using System.Text.Json;
using Rides.Grains.Drivers;

namespace Rides.Edge.Protocol.Payloads;

/// <summary><c>{latitude, longitude, heading?, speed?}</c>: update_location.</summary>
/// <param name="Latitude">-90 to 90.</param>
/// <param name="Longitude">-180 to 180.</param>
/// <param name="Heading">0 to 360 degrees clockwise from north.</param>
/// <param name="Speed">0 to 100 metres per second.</param>
public sealed record LocationPayload(double Latitude, double Longitude, double? Heading, double? Speed)
{
    /// <summary>The driver grain's form.</summary>
    public LocationUpdate ToUpdate() => new(Latitude, Longitude, Heading, Speed);

    internal static LocationPayload Read(JsonElement json, string what = "payload")
    {
        var reader = new PayloadReader(json, what);
        var payload = new LocationPayload(
            reader.Latitude(),
            reader.Longitude(),
            reader.OptionalNumber("heading", 0, 360),
            reader.OptionalNumber("speed", 0, 100));
        reader.ThrowIfInvalid();
        return payload;
    }
}
