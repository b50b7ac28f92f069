namespace Rides.Edge.Protocol.Responses;

/// <summary>The answer to <c>go_online</c> and <c>go_offline</c> (seed 000).</summary>
public sealed class DriverStatusResponse : HubResponse
{
    /// <summary>The driver.</summary>
    public required string DriverId { get; init; }

    /// <summary>Whether the driver is now available for offers.</summary>
    public required bool IsOnline { get; init; }
}
