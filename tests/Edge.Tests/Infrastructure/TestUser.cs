using Rides.Edge.Tests.Client;

namespace Rides.Edge.Tests;

/// <summary>A connected test user.</summary>
public sealed record TestUser(string Id, string Role, string Token, HubTestClient Hub) : IAsyncDisposable
{
    /// <inheritdoc />
    public ValueTask DisposeAsync() => Hub.DisposeAsync();
}
