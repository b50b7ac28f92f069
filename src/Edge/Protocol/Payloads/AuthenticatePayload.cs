using System.Text.Json;

namespace Rides.Edge.Protocol.Payloads;

/// <summary><c>{token}</c>: authenticate (seed 000).</summary>
/// <param name="Token">A JWT.</param>
public sealed record AuthenticatePayload(string Token)
{
    internal static AuthenticatePayload Read(JsonElement json)
    {
        var reader = new PayloadReader(json);
        var payload = new AuthenticatePayload(reader.Text("token", PayloadLimits.MaxTokenLength));
        reader.ThrowIfInvalid();
        return payload;
    }
}
