namespace Rides.Edge.Rest;

/// <summary>The body of the cancel actions (optional): the ride id is in the path.</summary>
/// <param name="Reason">Why, at most 200 characters.</param>
public sealed record CancelRideBody(string? Reason);
