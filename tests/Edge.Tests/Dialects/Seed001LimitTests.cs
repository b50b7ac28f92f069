using System.Text.Json.Nodes;

namespace Rides.Edge.Tests.Dialects;

/// <summary>The grains' limits hold on seed 001's socket as on the hub, with the hub's codes.</summary>
public sealed class Seed001LimitTests(RateLimitServerFixture fixture) : IClassFixture<RateLimitServerFixture>
{
    private EdgeTestServer Server => fixture.Server;

    [Fact]
    public async Task A_second_location_within_the_limit_is_refused_with_rate_limited_and_the_socket_stays_open()
    {
        var area = TestArea.Next();
        await using var driver = await Server.Seed001Async(EdgeTestServer.Token(TestIds.New("driver"), "driver"));
        await driver.RequestAsync(new JsonObject { ["type"] = "driver_online" }, "driver_status");
        var first = area.Location(100);
        first["type"] = "update_location";
        await driver.RequestAsync(first, "location_updated");
        var second = area.Location(120);
        second["type"] = "update_location";
        var refused = await driver.RequestAsync(second, "error");
        Assert.Equal("RATE_LIMITED", refused.Str("data.code"));
        Assert.Equal("update_location", refused.Str("data.request_type"));
        await driver.RequestAsync(new JsonObject { ["type"] = "ping" }, "pong");
    }
}
