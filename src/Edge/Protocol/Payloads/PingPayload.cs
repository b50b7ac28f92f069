using System.Text.Json;

namespace Rides.Edge.Protocol.Payloads;

/// <summary><c>{timestamp?}</c>: ping (seed 001); the timestamp is echoed.</summary>
/// <param name="Timestamp">Any client text up to 64 characters.</param>
public sealed record PingPayload(string? Timestamp)
{
    internal static PingPayload Read(JsonElement json)
    {
        var reader = new PayloadReader(json);
        var payload = new PingPayload(reader.OptionalText("timestamp", 64));
        reader.ThrowIfInvalid();
        return payload;
    }
}
