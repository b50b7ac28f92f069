namespace Rides.Grains.Stats;

/// <summary>Platform counters for <c>GET /api/v1/ws/stats</c> and the dashboard.</summary>
/// <param name="OnlineDrivers">Drivers online now.</param>
/// <param name="ActiveRides">Rides not yet completed or canceled.</param>
[GenerateSerializer, Alias("rides.PlatformStats")]
public sealed record PlatformStats(int OnlineDrivers, int ActiveRides);
