namespace Rides.Edge.Dialects.Seed001;

/// <summary><c>connected</c>: who the socket is.</summary>
/// <param name="UserId">The token's user id.</param>
/// <param name="IsDriver">Whether the user is a driver.</param>
/// <param name="Role">rider, driver, staff, admin or operator.</param>
public sealed record ConnectedData(string UserId, bool IsDriver, string Role);
