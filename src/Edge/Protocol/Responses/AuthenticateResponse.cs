namespace Rides.Edge.Protocol.Responses;

/// <summary>The answer to <c>authenticate</c> (seed 000): who the connection is.</summary>
public sealed class AuthenticateResponse : HubResponse
{
    /// <summary>RIDER, DRIVER, STAFF, ADMIN or OPERATOR.</summary>
    public required string UserType { get; init; }

    /// <summary>The user id.</summary>
    public required string UserId { get; init; }
}
