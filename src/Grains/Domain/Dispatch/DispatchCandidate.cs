namespace Rides.Grains.Domain.Dispatch;

/// <summary>A driver chosen for an offer, with its distance to the pickup.</summary>
/// <param name="DriverId">The driver.</param>
/// <param name="DistanceMeters">Straight-line distance to the pickup.</param>
public sealed record DispatchCandidate(string DriverId, double DistanceMeters);
