namespace Rides.Grains.Rides;

/// <summary>A recorded payment.</summary>
/// <param name="PaymentId">The platform's payment id.</param>
/// <param name="RideId">The paid ride.</param>
/// <param name="IdempotencyKey">The client's key.</param>
/// <param name="Amount">The amount paid (the final fare).</param>
/// <param name="Currency">ISO 4217 currency code.</param>
/// <param name="Method">The payment method label, if given.</param>
/// <param name="PaidAt">When the payment was recorded.</param>
[GenerateSerializer, Alias("rides.PaymentReceipt")]
public sealed record PaymentReceipt(string PaymentId, string RideId, string IdempotencyKey, decimal Amount, string Currency, string? Method, DateTimeOffset PaidAt);
