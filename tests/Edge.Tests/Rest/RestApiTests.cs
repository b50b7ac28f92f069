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
    public async Task Stats_stop_counting_a_driver_online_once_its_last_connection_closed()
    {
        await using var server = await EdgeTestServer.StartAsync();
        var admin = EdgeTestServer.Token(TestIds.New("admin"), "admin");
        var first = await server.ConnectNewAsync("driver");
        await using var second = await server.ConnectAsync(first.Token);
        await first.Hub.Events.WaitForAsync("server_message"); // both connections are known to the driver
        await second.Events.WaitForAsync("server_message");
        Envelope.Success((await server.SendAsync(HttpMethod.Post, "/api/v1/drivers/online", first.Token)).Json);
        Assert.Equal(1, (await server.SendAsync(HttpMethod.Get, "/api/v1/ws/stats", admin)).Json.Long("online_drivers"));

        await first.DisposeAsync();
        await server.Subscriptions.UntilAsync(r => r.ConnectionCount == 1, TestTimeouts.Event);
        Assert.Equal(1, (await server.SendAsync(HttpMethod.Get, "/api/v1/ws/stats", admin)).Json.Long("online_drivers"));

        await second.DisposeAsync();
        await server.Subscriptions.UntilAsync(r => r.ConnectionCount == 0, TestTimeouts.Event);
        var stats = await server.SendAsync(HttpMethod.Get, "/api/v1/ws/stats", admin);
        Assert.Equal((0L, 0L), (stats.Json.Long("online_drivers"), stats.Json.Long("total_connections")));
        var driver = Envelope.Success((await server.SendAsync(HttpMethod.Get, "/api/v1/drivers/me", first.Token)).Json);
        Assert.False(driver.At("is_online").GetBoolean());
    }

    [Fact]
    public async Task The_openapi_document_describes_every_rest_endpoint_with_its_schemas()
    {
        var document = await Server.SendAsync(HttpMethod.Get, "/openapi/v1.json", null);
        Assert.Equal(200, document.Status);
        Assert.Equal("Rides API", document.Json.Str("info.title"));
        var paths = document.Json.At("paths").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(
            [
                "/api/v1/auth/token",
                "/api/v1/drivers/location",
                "/api/v1/drivers/me",
                "/api/v1/drivers/offline",
                "/api/v1/drivers/online",
                "/api/v1/drivers/rides",
                "/api/v1/drivers/rides/{ride_id}/accept",
                "/api/v1/drivers/rides/{ride_id}/arrived",
                "/api/v1/drivers/rides/{ride_id}/cancel",
                "/api/v1/drivers/rides/{ride_id}/complete",
                "/api/v1/drivers/rides/{ride_id}/decline",
                "/api/v1/drivers/rides/{ride_id}/start",
                "/api/v1/riders/me",
                "/api/v1/riders/payment",
                "/api/v1/riders/rate/driver",
                "/api/v1/riders/rides",
                "/api/v1/riders/rides/{ride_id}/cancel",
                "/api/v1/rides/{id}",
                "/api/v1/ws/stats",
            ],
            paths);
        Assert.Equal(["get", "put"], document.Json.At("paths").At("/api/v1/drivers/me").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["get", "post"], document.Json.At("paths").At("/api/v1/riders/rides").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        var schemas = document.Json.At("components.schemas");
        Assert.True(schemas.TryGetProperty("RequestRidePayload", out var request), document.Text);
        Assert.True(request.At("properties").TryGetProperty("vehicle_type", out _));
        foreach (var (schema, property) in new[]
        {
            ("DriverProfilePayload", "vehicle_make"), ("DriverProfileResponse", "plate"), ("RiderProfilePayload", "phone"), ("RiderProfileResponse", "ride_count"),
            ("RideHistoryResponse", "has_more"), ("RideHistoryData", "ended_at"), ("LocationPayload", "heading"), ("StartRideBody", "pin"),
            ("CancelRideBody", "reason"), ("DriverStatusResponse", "is_online"), ("RideResponse", "ride_data"),
        })
        {
            Assert.True(schemas.TryGetProperty(schema, out var found), $"{schema} is missing: {document.Text}");
            Assert.True(found.At("properties").TryGetProperty(property, out _), $"{schema}.{property} is missing: {found.GetRawText()}");
        }
    }

    [Fact]
    public async Task The_console_names_every_endpoint_the_dashboard_and_where_state_is_kept()
    {
        var root = Server.BaseAddress.ToString().TrimEnd('/');
        var ws = "ws://" + root["http://".Length..];
        Assert.True(Server.Logs.Contains($"Rides edge listening on {root} in the Testing environment"), string.Join("\n", Server.Logs.Entries.Select(e => e.Text)));
        Assert.True(Server.Logs.Contains($"SignalR hub: {root}/hubs/rides"));
        Assert.True(Server.Logs.Contains($"REST API: {root}/api/v1 (OpenAPI document: {root}/openapi/v1.json)"));
        Assert.True(Server.Logs.Contains($"Plain-WebSocket dialects (seeds 001-004): {ws}/api/v1/ws/connect, {ws}/ws/bookings/, {ws}/ws/driver/bookings/, {ws}/ws/driver/available_bookings/, {ws}/api/websocket/connect, {ws}/ws"));
        Assert.True(Server.Logs.Contains($"Health: {root}/health/live and {root}/health/ready"));
        Assert.True(Server.Logs.Contains($"Orleans Dashboard: {root}/dashboard/ (an operator's or admin's token); cluster state: in memory (state is lost when the process stops)"));
        Assert.True(Server.Logs.Contains($"The development token issuer POST {root}/api/v1/auth/token is enabled (Testing)"));
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
