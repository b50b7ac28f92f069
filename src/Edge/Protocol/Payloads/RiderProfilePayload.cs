using System.Text.Json;
using Rides.Grains.Riders;

namespace Rides.Edge.Protocol.Payloads;

/// <summary>
/// <c>{name, phone?}</c>: <c>PUT /api/v1/riders/me</c>. This reader checks types and lengths; the rider grain
/// checks the phone's digits and trims.
/// </summary>
/// <param name="Name">Display name, 1 to 100 characters.</param>
/// <param name="Phone">Optional '+' and 7 to 15 digits; spaces and '-' between them are dropped.</param>
public sealed record RiderProfilePayload(string Name, string? Phone)
{
    /// <summary>The rider grain's form.</summary>
    public RiderProfile ToProfile() => new(Name, Phone);

    internal static RiderProfilePayload Read(JsonElement json, string what = "body")
    {
        var reader = new PayloadReader(json, what);
        var payload = new RiderProfilePayload(reader.Text("name", PayloadLimits.MaxNameLength), reader.OptionalText("phone", DriverProfilePayload.MaxPhoneLength));
        reader.ThrowIfInvalid();
        return payload;
    }
}
