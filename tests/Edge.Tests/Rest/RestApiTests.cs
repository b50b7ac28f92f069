using System.Text.Json.Nodes;

namespace Rides.Edge.Tests.Rest;

/// <summary>The REST side: stats, health, OpenAPI, errors as JSON with proper status codes.</summary>
public sealed class RestApiTests(EdgeServerFixture fixture) : IClassFixture<EdgeServerFixture>
{
    private EdgeTestServer Server => fixture.Server;

    [Fact]
    public async Task Stats_count_this_nodes_connections_and_the_platforms_drivers_and_rides()
    {
        await using var server = await EdgeTestServer.StartAsync();
        await using var scenario = await RideScenario.AcceptedAsync(server);
        var stats = await server.SendAsync(HttpMethod.Get, "/api/v1/ws/stats", EdgeTestServer.Token(TestIds.New("admin"), "admin"));
        Assert.Equal(200, stats.Status);
        Assert.Equal(2, stats.Json.Long("total_connections"));
        Assert.Equal(1, stats.Json.Long("online_drivers"));
        Assert.Equal(1, stats.Json.Long("active_rides"));
        Assert.Equal(8, stats.Json.Long("subscriptions"));
    }

    [Fact]
    public async Task Health_endpoints_answer_healthy_json_without_a_token()
    {
        var live = await Server.SendAsync(HttpMethod.Get, "/health/live", null);
        Assert.Equal(200, live.Status);
        Assert.Equal("Healthy", live.Json.Str("status"));
        var ready = await Server.SendAsync(HttpMethod.Get, "/health/ready", null);
        Assert.Equal(200, ready.Status);
        Assert.Equal("Healthy", ready.Json.Str("status"));
    }

    [Fact]
    public async Task The_openapi_document_describes_every_rest_endpoint()
    {
        var document = await Server.SendAsync(HttpMethod.Get, "/openapi/v1.json", null);
        Assert.Equal(200, document.Status);
        Assert.Equal("Rides API", document.Json.Str("info.title"));
        var paths = document.Json.At("paths").EnumerateObject().Select(p => p.Name).Order().ToArray();
        Assert.Equal(
            ["/api/v1/auth/token", "/api/v1/riders/payment", "/api/v1/riders/rate/driver", "/api/v1/riders/rides", "/api/v1/rides/{id}", "/api/v1/ws/stats"],
            paths);
        Assert.True(document.Json.At("components.schemas").TryGetProperty("RequestRidePayload", out var request), document.Text);
        Assert.True(request.At("properties").TryGetProperty("vehicle_type", out _));
    }

    [Fact]
    public async Task An_unknown_ride_is_404_with_the_error_envelope()
    {
        var answer = await Server.SendAsync(HttpMethod.Get, "/api/v1/rides/ride_does_not_exist", EdgeTestServer.Token(TestIds.New("rider"), "rider"));
        Assert.Equal(404, answer.Status);
        Assert.Equal("error", answer.Json.Str("status"));
        Assert.Equal("RIDE_NOT_FOUND", answer.Json.Str("code"));
        Envelope.AssertNoInternals(answer.Json);
    }

    [Fact]
    public async Task Rating_and_paying_before_completion_are_conflicts_and_bad_bodies_are_400()
    {
        await using var scenario = await RideScenario.AcceptedAsync(Server);
        var rate = await Server.SendAsync(HttpMethod.Post, "/api/v1/riders/rate/driver", scenario.Rider.Token, new JsonObject { ["ride_id"] = scenario.RideId, ["rating"] = 5 });
        Assert.Equal(409, rate.Status);
        Assert.Equal("RIDE_NOT_COMPLETED", rate.Json.Str("code"));

        var pay = await Server.SendAsync(HttpMethod.Post, "/api/v1/riders/payment", scenario.Rider.Token, new JsonObject { ["ride_id"] = scenario.RideId, ["amount"] = 10, ["idempotency_key"] = "k1" });
        Assert.Equal(409, pay.Status);
        Assert.Equal("RIDE_NOT_COMPLETED", pay.Json.Str("code"));

        var badRating = await Server.SendAsync(HttpMethod.Post, "/api/v1/riders/rate/driver", scenario.Rider.Token, new JsonObject { ["ride_id"] = scenario.RideId, ["rating"] = 6 });
        Assert.Equal(400, badRating.Status);
        Assert.Equal("rating must be between 1 and 5", badRating.Json.Str("detail"));

        var badAmount = await Server.SendAsync(HttpMethod.Post, "/api/v1/riders/payment", scenario.Rider.Token, new JsonObject { ["ride_id"] = scenario.RideId, ["amount"] = 10.005, ["idempotency_key"] = "k1" });
        Assert.Equal(400, badAmount.Status);
        Assert.Equal("amount must be between 0.01 and 100000 with at most two decimals", badAmount.Json.Str("detail"));
    }
}
