namespace Rides.Edge.Rest;

/// <summary>The body of <c>POST /api/v1/drivers/rides/{ride_id}/start</c> (optional): the ride id is in the path.</summary>
/// <param name="Pin">The rider's 4-digit trip PIN, where the deployment requires it.</param>
public sealed record StartRideBody(string? Pin);
