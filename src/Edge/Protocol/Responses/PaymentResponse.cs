namespace Rides.Edge.Protocol.Responses;

/// <summary>The body of <c>POST /api/v1/riders/payment</c>: the recorded payment.</summary>
public sealed class PaymentResponse : HubResponse
{
    /// <summary>The platform's payment id.</summary>
    public required string PaymentId { get; init; }

    /// <summary>The paid ride.</summary>
    public required string RideId { get; init; }

    /// <summary>The amount paid.</summary>
    public required decimal Amount { get; init; }

    /// <summary>Its currency.</summary>
    public required string Currency { get; init; }

    /// <summary>The method label, if given.</summary>
    public string? Method { get; init; }

    /// <summary>The client's idempotency key.</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>When recorded.</summary>
    public required DateTimeOffset PaidAt { get; init; }
}
