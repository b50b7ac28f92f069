namespace Rides.Edge.Dialects.Seed001;

/// <summary><c>ride_started</c>: the rider is picked up.</summary>
/// <param name="RideId">The ride.</param>
/// <param name="StartedAt">When.</param>
public sealed record RideStartedData(string RideId, DateTimeOffset StartedAt);
