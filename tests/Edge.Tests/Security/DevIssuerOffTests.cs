using System.Text.Json.Nodes;

namespace Rides.Edge.Tests.Security;

/// <summary>The development token issuer exists only where configuration enables it.</summary>
public sealed class DevIssuerOffTests
{
    [Fact]
    public async Task Without_configuration_the_token_endpoint_does_not_exist()
    {
        await using var server = await EdgeTestServer.StartAsync(new Dictionary<string, string?> { ["Rides:Auth:DevIssuer:Enabled"] = null });
        var answer = await server.SendAsync(HttpMethod.Post, "/api/v1/auth/token", null, new JsonObject { ["user_id"] = "u1", ["user_type"] = "rider" });
        Assert.Equal(404, answer.Status);
    }
}
