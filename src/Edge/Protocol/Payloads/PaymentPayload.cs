using System.Text.Json;
using Rides.Grains.Rides;

namespace Rides.Edge.Protocol.Payloads;

/// <summary><c>{ride_id, amount, idempotency_key, method?}</c>: <c>POST /api/v1/riders/payment</c>. The amount must equal the final fare.</summary>
/// <param name="RideId">The completed ride.</param>
/// <param name="Amount">The final fare, at most two decimals.</param>
/// <param name="IdempotencyKey">1 to 100 characters; the same key returns the first receipt.</param>
/// <param name="Method">card, cash, wallet…</param>
public sealed record PaymentPayload(string RideId, decimal Amount, string IdempotencyKey, string? Method)
{
    /// <summary>The ride grain's form.</summary>
    public PaymentRequest ToRequest() => new(IdempotencyKey, Amount, Method);

    internal static PaymentPayload Read(JsonElement json)
    {
        var reader = new PayloadReader(json, "body");
        var payload = new PaymentPayload(
            reader.Id("ride_id"),
            reader.Amount("amount", 0.01m, 100_000m),
            reader.Text("idempotency_key", 100),
            reader.OptionalText("method", 32));
        reader.ThrowIfInvalid();
        return payload;
    }
}
