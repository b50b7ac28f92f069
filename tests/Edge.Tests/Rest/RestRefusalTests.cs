using System.Text.Json.Nodes;

namespace Rides.Edge.Tests.Rest;

/// <summary>The refusals of the driver and rider REST actions: no token, wrong role, foreign and missing rides, bad bodies.</summary>
public sealed class RestRefusalTests(EdgeServerFixture fixture) : IClassFixture<EdgeServerFixture>
{
    private EdgeTestServer Server => fixture.Server;

    public static TheoryData<string, string> DriverEndpoints => new()
    {
        { "POST", "/api/v1/drivers/online" },
        { "POST", "/api/v1/drivers/offline" },
        { "POST", "/api/v1/drivers/location" },
        { "POST", "/api/v1/drivers/rides/ride_x/accept" },
        { "POST", "/api/v1/drivers/rides/ride_x/decline" },
        { "POST", "/api/v1/drivers/rides/ride_x/arrived" },
        { "POST", "/api/v1/drivers/rides/ride_x/start" },
        { "POST", "/api/v1/drivers/rides/ride_x/complete" },
        { "POST", "/api/v1/drivers/rides/ride_x/cancel" },
        { "GET", "/api/v1/drivers/rides" },
        { "GET", "/api/v1/drivers/me" },
        { "PUT", "/api/v1/drivers/me" },
    };

    public static TheoryData<string, string> RiderEndpoints => new()
    {
        { "POST", "/api/v1/riders/rides/ride_x/cancel" },
        { "GET", "/api/v1/riders/rides" },
        { "GET", "/api/v1/riders/me" },
        { "PUT", "/api/v1/riders/me" },
    };

    [Theory]
    [MemberData(nameof(DriverEndpoints))]
    [MemberData(nameof(RiderEndpoints))]
    public async Task Without_a_token_every_action_is_401_unauthenticated(string method, string path)
    {
        var answer = await Server.SendAsync(new HttpMethod(method), path, null, method == "GET" ? null : new JsonObject { ["name"] = "x" });
        Assert.Equal(401, answer.Status);
        Envelope.Error(answer.Json, "UNAUTHENTICATED");
    }

    [Theory]
    [MemberData(nameof(DriverEndpoints))]
    public async Task A_driver_action_with_any_other_role_is_403_forbidden(string method, string path)
    {
        foreach (var role in new[] { "rider", "staff", "admin", "operator" })
        {
            var answer = await Server.SendAsync(new HttpMethod(method), path, EdgeTestServer.Token(TestIds.New(role), role), method == "GET" ? null : new JsonObject { ["name"] = "x", ["latitude"] = 1.0, ["longitude"] = 1.0 });
            Assert.True(answer.Status == 403, $"{role} {method} {path}: {answer.Status} {answer.Text}");
            Envelope.Error(answer.Json, "FORBIDDEN");
        }
    }

    [Theory]
    [MemberData(nameof(RiderEndpoints))]
    public async Task A_rider_action_with_any_other_role_is_403_forbidden(string method, string path)
    {
        foreach (var role in new[] { "driver", "staff", "admin", "operator" })
        {
            var answer = await Server.SendAsync(new HttpMethod(method), path, EdgeTestServer.Token(TestIds.New(role), role), method == "GET" ? null : new JsonObject { ["name"] = "x" });
            Assert.True(answer.Status == 403, $"{role} {method} {path}: {answer.Status} {answer.Text}");
            Envelope.Error(answer.Json, "FORBIDDEN");
        }
    }

    [Theory]
    [InlineData("accept")]
    [InlineData("decline")]
    [InlineData("arrived")]
    [InlineData("start")]
    [InlineData("complete")]
    [InlineData("cancel")]
    public async Task A_driver_action_on_a_missing_ride_is_404_ride_not_found(string action)
    {
        var answer = await Server.SendAsync(HttpMethod.Post, $"/api/v1/drivers/rides/{TestIds.New("ride")}/{action}", EdgeTestServer.Token(TestIds.New("driver"), "driver"));
        Assert.Equal(404, answer.Status);
        Envelope.Error(answer.Json, "RIDE_NOT_FOUND");
        var rider = await Server.SendAsync(HttpMethod.Post, $"/api/v1/riders/rides/{TestIds.New("ride")}/cancel", EdgeTestServer.Token(TestIds.New("rider"), "rider"));
        Assert.Equal(404, rider.Status);
        Envelope.Error(rider.Json, "RIDE_NOT_FOUND");
    }

    [Fact]
    public async Task Another_drivers_and_another_riders_actions_on_a_ride_are_refused_and_change_nothing()
    {
        await using var scenario = await RideScenario.AcceptedAsync(Server);
        var stranger = EdgeTestServer.Token(TestIds.New("driver"), "driver");
        var rides = $"/api/v1/drivers/rides/{scenario.RideId}";

        var accept = await Server.SendAsync(HttpMethod.Post, rides + "/accept", stranger);
        Assert.Equal((409, "RIDE_ALREADY_ASSIGNED"), (accept.Status, accept.Json.Str("code")));
        var decline = await Server.SendAsync(HttpMethod.Post, rides + "/decline", stranger);
        Assert.Equal((409, "RIDE_NOT_OFFERED"), (decline.Status, decline.Json.Str("code")));
        foreach (var action in new[] { "arrived", "start", "complete", "cancel" })
        {
            var answer = await Server.SendAsync(HttpMethod.Post, $"{rides}/{action}", stranger);
            Assert.True(answer.Status == 403, $"{action}: {answer.Text}");
            Envelope.Error(answer.Json, "NOT_A_PARTICIPANT");
        }

        var foreignRider = await Server.SendAsync(HttpMethod.Post, $"/api/v1/riders/rides/{scenario.RideId}/cancel", EdgeTestServer.Token(TestIds.New("rider"), "rider"));
        Assert.Equal(403, foreignRider.Status);
        Envelope.Error(foreignRider.Json, "NOT_A_PARTICIPANT");

        var state = Envelope.Success(await scenario.Rider.Hub.InvokeAsync("get_ride_state", scenario.RidePayload()).DefaultTimeout());
        Assert.Equal(("arrivingToPickup", 2L), (state.Str("ride_data.status"), state.Long("last_seq")));
    }

    [Fact]
    public async Task Steps_out_of_order_and_going_offline_during_a_ride_are_409_conflicts()
    {
        await using var scenario = await RideScenario.AcceptedAsync(Server);
        var rides = $"/api/v1/drivers/rides/{scenario.RideId}";
        var complete = await Server.SendAsync(HttpMethod.Post, rides + "/complete", scenario.Driver.Token);
        Assert.Equal((409, "INVALID_TRANSITION"), (complete.Status, complete.Json.Str("code")));
        var offline = await Server.SendAsync(HttpMethod.Post, "/api/v1/drivers/offline", scenario.Driver.Token);
        Assert.Equal((409, "DRIVER_BUSY"), (offline.Status, offline.Json.Str("code")));
    }

    [Fact]
    public async Task Bad_bodies_and_bad_ride_ids_are_400_validation_failed_naming_the_field()
    {
        var driver = EdgeTestServer.Token(TestIds.New("driver"), "driver");
        Envelope.Success((await Server.SendAsync(HttpMethod.Post, "/api/v1/drivers/online", driver)).Json);

        var latitude = await Server.SendAsync(HttpMethod.Post, "/api/v1/drivers/location", driver, new JsonObject { ["latitude"] = 91.0, ["longitude"] = 1.0, ["speed"] = -1.0 });
        Assert.Equal(400, latitude.Status);
        Assert.Equal("latitude must be between -90 and 90; speed must be between 0 and 100", Envelope.Error(latitude.Json, "VALIDATION_FAILED").Str("detail"));
        var missing = await Server.SendAsync(HttpMethod.Post, "/api/v1/drivers/location", driver, new JsonObject());
        Assert.Equal("latitude is required; longitude is required", Envelope.Error(missing.Json, "VALIDATION_FAILED").Str("detail"));
        var none = await Server.SendAsync(HttpMethod.Post, "/api/v1/drivers/location", driver);
        Assert.Equal("body must be a JSON object", Envelope.Error(none.Json, "VALIDATION_FAILED").Str("detail"));
        var array = await Server.SendAsync(HttpMethod.Post, "/api/v1/drivers/rides/ride_x/accept", driver, new JsonArray(1, 2));
        Assert.Equal("body must be a JSON object", Envelope.Error(array.Json, "VALIDATION_FAILED").Str("detail"));
        var badId = await Server.SendAsync(HttpMethod.Post, "/api/v1/drivers/rides/ride%20x!/arrived", driver);
        Assert.Equal(400, badId.Status);
        Assert.Equal("ride_id must be 1 to 64 letters, digits, '_', '-', '.' or ':'", Envelope.Error(badId.Json, "VALIDATION_FAILED").Str("detail"));
        var reason = await Server.SendAsync(HttpMethod.Post, "/api/v1/riders/rides/ride_x/cancel", EdgeTestServer.Token(TestIds.New("rider"), "rider"), new JsonObject { ["reason"] = new string('r', 201) });
        Assert.Equal("reason must be at most 200 characters (got 201)", Envelope.Error(reason.Json, "VALIDATION_FAILED").Str("detail"));
        var pin = await Server.SendAsync(HttpMethod.Post, "/api/v1/drivers/rides/ride_x/start", driver, new JsonObject { ["pin"] = 1234 });
        Assert.Equal("pin must be a string", Envelope.Error(pin.Json, "VALIDATION_FAILED").Str("detail"));
        var offline = await Server.SendAsync(HttpMethod.Post, "/api/v1/drivers/offline", driver, new JsonObject { ["anything"] = true });
        Assert.False(Envelope.Success(offline.Json).At("is_online").GetBoolean());
        var located = await Server.SendAsync(HttpMethod.Post, "/api/v1/drivers/location", driver, new JsonObject { ["latitude"] = 1.0, ["longitude"] = 1.0 });
        Assert.Equal((409, "DRIVER_OFFLINE"), (located.Status, located.Json.Str("code")));
    }
}

/// <summary>The trip PIN over REST where the deployment requires it.</summary>
public sealed class RestTripPinTests(PinServerFixture fixture) : IClassFixture<PinServerFixture>
{
    [Fact]
    public async Task Starting_over_rest_needs_the_riders_pin_and_a_wrong_one_is_400_invalid_pin()
    {
        var server = fixture.Server;
        await using var scenario = await RideScenario.OfferedAsync(server);
        var rides = $"/api/v1/drivers/rides/{scenario.RideId}";
        Envelope.Success((await server.SendAsync(HttpMethod.Post, rides + "/accept", scenario.Driver.Token)).Json);
        var pin = (await scenario.Rider.Hub.Events.WaitForAsync("trip_pin", e => e.Str("ride_id") == scenario.RideId)).Str("pin")!;

        var none = await server.SendAsync(HttpMethod.Post, rides + "/start", scenario.Driver.Token);
        Assert.Equal(400, none.Status);
        Assert.Equal("attempts_left: 4", Envelope.Error(none.Json, "INVALID_PIN").Str("detail"));
        var wrong = await server.SendAsync(HttpMethod.Post, rides + "/start", scenario.Driver.Token, new JsonObject { ["pin"] = pin == "0000" ? "1111" : "0000" });
        Assert.Equal("attempts_left: 3", Envelope.Error(wrong.Json, "INVALID_PIN").Str("detail"));

        var started = await server.SendAsync(HttpMethod.Post, rides + "/start", scenario.Driver.Token, new JsonObject { ["pin"] = pin });
        Assert.Equal(200, started.Status);
        Assert.Equal("drivingToDestination", Envelope.Success(started.Json).Str("ride_data.status"));
        await scenario.Rider.Hub.Events.WaitForAsync("ride_status_update", e => e.Str("status") == "drivingToDestination");
    }
}
