namespace Rides.Edge.Dialects.Seed001;

/// <summary>Seed 001's <c>metadata</c> of a ride event.</summary>
/// <param name="RideId">The ride.</param>
public sealed record Seed001Metadata(string RideId);
