namespace Rides.Grains.Rides;

/// <summary>A payment for a completed ride (seed 000's <c>POST /api/v1/riders/payment</c>).</summary>
/// <param name="IdempotencyKey">A client-chosen key (1 to 100 characters): repeating a payment with the same key returns the first receipt.</param>
/// <param name="Amount">Must equal the ride's final fare.</param>
/// <param name="Method">Optional payment method label (card, cash, wallet…).</param>
[GenerateSerializer, Alias("rides.PaymentRequest")]
public sealed record PaymentRequest(string IdempotencyKey, decimal Amount, string? Method = null);
