namespace Rides.Edge.Rest;

/// <summary>The body of <c>GET /api/v1/ws/stats</c> (seed 001).</summary>
/// <param name="TotalConnections">Hub connections open on this edge node.</param>
/// <param name="OnlineDrivers">Drivers online across the platform.</param>
/// <param name="ActiveRides">Rides not yet completed or canceled across the platform.</param>
/// <param name="Subscriptions">Stream subscriptions this edge node holds for its connections.</param>
public sealed record WsStats(int TotalConnections, int OnlineDrivers, int ActiveRides, long Subscriptions);
