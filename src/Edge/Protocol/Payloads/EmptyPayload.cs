using System.Text.Json;

namespace Rides.Edge.Protocol.Payloads;

/// <summary>The payload of methods that take none: <c>{}</c> (seed 000).</summary>
public sealed record EmptyPayload
{
    /// <summary>Checks that the payload is a JSON object; its fields are ignored.</summary>
    internal static EmptyPayload Read(JsonElement json, string what = "payload")
    {
        new PayloadReader(json, what).ThrowIfInvalid();
        return new EmptyPayload();
    }
}
