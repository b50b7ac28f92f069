namespace Rides.Edge.Tests;

/// <summary>A server whose deployment requires the rider's trip PIN to start a ride (seed 002's OTP).</summary>
public sealed class PinServerFixture : EdgeServerFixture
{
    /// <inheritdoc />
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Rides:Trip:RequirePin"] = "true",
    };
}
