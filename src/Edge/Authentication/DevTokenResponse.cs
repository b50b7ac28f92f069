namespace Rides.Edge.Authentication;

/// <summary>The development issuer's answer: <c>{access_token, token_type, expires_in}</c>.</summary>
/// <param name="AccessToken">The JWT: send it as <c>access_token</c> on the hub URL or as a Bearer header.</param>
/// <param name="TokenType">Always <c>Bearer</c>.</param>
/// <param name="ExpiresIn">Seconds until it expires.</param>
public sealed record DevTokenResponse(string AccessToken, string TokenType, long ExpiresIn);
