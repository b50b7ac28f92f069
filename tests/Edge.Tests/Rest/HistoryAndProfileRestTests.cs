using System.Text.Json.Nodes;

namespace Rides.Edge.Tests.Rest;

/// <summary>Ride history pages and profiles over REST.</summary>
public sealed class HistoryAndProfileRestTests(EdgeServerFixture fixture) : IClassFixture<EdgeServerFixture>
{
    private EdgeTestServer Server => fixture.Server;

    [Fact]
    public async Task A_riders_history_pages_newest_first_and_refuses_bad_page_parameters()
    {
        var area = TestArea.Next();
        var rider = EdgeTestServer.Token(TestIds.New("rider"), "rider");
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var created = await Server.SendAsync(HttpMethod.Post, "/api/v1/riders/rides", rider, area.RideRequest());
            Assert.Equal(201, created.Status);
            ids.Add(created.Json.Str("ride_id")!);
            var canceled = await Server.SendAsync(HttpMethod.Post, $"/api/v1/riders/rides/{ids[^1]}/cancel", rider, new JsonObject { ["reason"] = "Test " + i });
            Assert.Equal(200, canceled.Status);
            Assert.Equal("Ride canceled", Envelope.Success(canceled.Json).Str("message"));
            Assert.Equal("canceled", canceled.Json.Str("ride_data.status"));
        }

        var first = Envelope.Success((await Server.SendAsync(HttpMethod.Get, "/api/v1/riders/rides?limit=2", rider)).Json);
        Assert.Equal("Retrieved 2 rides", first.Str("message"));
        Assert.Equal([ids[2], ids[1]], first.At("rides").EnumerateArray().Select(r => r.Str("ride_id")));
        Assert.Equal((3L, 0L, 2L, true), (first.Long("total"), first.Long("skip"), first.Long("limit"), first.At("has_more").GetBoolean()));
        Assert.Equal("canceled", first.At("rides")[0].Str("status"));
        Assert.Equal("1 Test Street", first.At("rides")[0].Str("pickup.address"));
        var second = Envelope.Success((await Server.SendAsync(HttpMethod.Get, "/api/v1/riders/rides?limit=2&skip=2", rider)).Json);
        Assert.Equal([ids[0]], second.At("rides").EnumerateArray().Select(r => r.Str("ride_id")));
        Assert.False(second.At("has_more").GetBoolean());
        var all = Envelope.Success((await Server.SendAsync(HttpMethod.Get, "/api/v1/riders/rides", rider)).Json);
        Assert.Equal((3, 20L), (all.At("rides").GetArrayLength(), all.Long("limit")));

        foreach (var (query, detail) in new[]
        {
            ("limit=0", "limit: must be between 1 and 100"),
            ("limit=101", "limit: must be between 1 and 100"),
            ("skip=-1", "skip: must be between 0 and 100"),
            ("limit=ten", "limit must be one whole number"),
            ("limit=1&limit=2&skip=x", "limit must be one whole number; skip must be one whole number"),
        })
        {
            var refused = await Server.SendAsync(HttpMethod.Get, "/api/v1/riders/rides?" + query, rider);
            Assert.Equal(400, refused.Status);
            Assert.Equal(detail, Envelope.Error(refused.Json, "VALIDATION_FAILED").Str("detail"));
        }
    }

    [Fact]
    public async Task A_drivers_history_holds_the_rides_it_took_part_in_and_not_the_others()
    {
        await using var scenario = await RideScenario.AcceptedAsync(Server);
        var canceled = await Server.SendAsync(HttpMethod.Post, $"/api/v1/drivers/rides/{scenario.RideId}/cancel", scenario.Driver.Token, new JsonObject { ["reason"] = "Flat tyre" });
        Assert.Equal(200, canceled.Status);
        var update = await scenario.Rider.Hub.Events.WaitForAsync("ride_status_update", e => e.Str("status") == "canceled");
        Assert.Equal(("driver", "Flat tyre"), (update.Str("data.canceled_by"), update.Str("data.reason")));

        var history = Envelope.Success((await Server.SendAsync(HttpMethod.Get, "/api/v1/drivers/rides", scenario.Driver.Token)).Json);
        var ride = Assert.Single(history.At("rides").EnumerateArray());
        Assert.Equal((scenario.RideId, "canceled", scenario.Rider.Id, scenario.Driver.Id), (ride.Str("ride_id"), ride.Str("status"), ride.Str("rider_id"), ride.Str("driver_id")));
        Assert.False(ride.Has("fare"));

        var other = Envelope.Success((await Server.SendAsync(HttpMethod.Get, "/api/v1/drivers/rides", EdgeTestServer.Token(TestIds.New("driver"), "driver"))).Json);
        Assert.Equal(0, other.At("rides").GetArrayLength());
        Assert.Equal(0, other.Long("total"));
    }

    [Fact]
    public async Task A_drivers_profile_round_trips_and_its_vehicle_reaches_the_rider()
    {
        var driverId = TestIds.New("driver");
        var driver = EdgeTestServer.Token(driverId, "driver", "Dan");
        var before = Envelope.Success((await Server.SendAsync(HttpMethod.Get, "/api/v1/drivers/me", driver)).Json);
        Assert.Equal((driverId, driverId, "standard", false), (before.Str("driver_id"), before.Str("name"), before.Str("vehicle_type"), before.At("is_online").GetBoolean()));

        var put = await Server.SendAsync(HttpMethod.Put, "/api/v1/drivers/me", driver, new JsonObject
        {
            ["name"] = " Dan Driver ",
            ["phone"] = "+237 6 12-34-56-78",
            ["vehicle_make"] = "Toyota",
            ["vehicle_model"] = "Corolla",
            ["vehicle_type"] = "premium",
            ["plate"] = "CM-1234-AB",
            ["color"] = "Black",
        });
        Assert.Equal(200, put.Status);
        var updated = Envelope.Success(put.Json);
        Assert.Equal("Driver profile updated", updated.Str("message"));
        Assert.Equal(("Dan Driver", "+237612345678", "Toyota", "Corolla", "premium", "CM-1234-AB", "Black"), (updated.Str("name"), updated.Str("phone"), updated.Str("vehicle_make"), updated.Str("vehicle_model"), updated.Str("vehicle_type"), updated.Str("plate"), updated.Str("color")));
        var read = Envelope.Success((await Server.SendAsync(HttpMethod.Get, "/api/v1/drivers/me", driver)).Json);
        Assert.Equal(updated.GetRawText().Replace("Driver profile updated", "Driver profile retrieved", StringComparison.Ordinal), read.GetRawText());

        // A premium ride: the acceptance carries the vehicle from the profile in driver_info.
        var area = TestArea.Next();
        await using var hub = await Server.ConnectAsync(driver);
        await hub.Events.WaitForAsync("server_message");
        Envelope.Success((await Server.SendAsync(HttpMethod.Post, "/api/v1/drivers/online", driver)).Json);
        Envelope.Success((await Server.SendAsync(HttpMethod.Post, "/api/v1/drivers/location", driver, area.Location(100))).Json);
        var created = await Server.SendAsync(HttpMethod.Post, "/api/v1/riders/rides", EdgeTestServer.Token(TestIds.New("rider"), "rider"), area.RideRequest("premium"));
        var rideId = created.Json.Str("ride_id")!;
        await hub.Events.WaitForAsync("new_ride_request", e => e.Str("ride_id") == rideId);
        var accepted = Envelope.Success((await Server.SendAsync(HttpMethod.Post, $"/api/v1/drivers/rides/{rideId}/accept", driver)).Json);
        Assert.Equal(("Dan Driver", "Toyota Corolla", "CM-1234-AB", "Black"), (accepted.Str("driver_info.name"), accepted.Str("driver_info.vehicle"), accepted.Str("driver_info.plate"), accepted.Str("driver_info.color")));
        var busy = await Server.SendAsync(HttpMethod.Put, "/api/v1/drivers/me", driver, new JsonObject { ["name"] = "Dan", ["vehicle_type"] = "standard" });
        Assert.Equal((409, "DRIVER_BUSY"), (busy.Status, busy.Json.Str("code")));
    }

    [Theory]
    [InlineData("{}", "name is required")]
    [InlineData("{\"name\":\"  \"}", "name must not be blank")]
    [InlineData("{\"name\":\"Dan\",\"vehicle_type\":\"tank\"}", "vehicle_type must be one of standard, premium, xl, moto")]
    [InlineData("{\"name\":\"Dan\",\"plate\":\"PPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPP\"}", "plate must be at most 50 characters (got 51)")]
    [InlineData("{\"name\":\"Dan\",\"phone\":\"call me\"}", "phone: must be digits with an optional leading '+'")]
    [InlineData("{\"name\":\"Dan\",\"phone\":\"+1 234\"}", "phone: must have 7 to 15 digits")]
    [InlineData("{\"name\":7,\"color\":[]}", "name must be a string; color must be a string")]
    public async Task A_bad_driver_profile_is_400_validation_failed_and_changes_nothing(string body, string detail)
    {
        var driver = EdgeTestServer.Token(TestIds.New("driver"), "driver");
        Envelope.Success((await Server.SendAsync(HttpMethod.Put, "/api/v1/drivers/me", driver, new JsonObject { ["name"] = "Kept" })).Json);
        var refused = await Server.SendAsync(HttpMethod.Put, "/api/v1/drivers/me", driver, JsonNode.Parse(body));
        Assert.Equal(400, refused.Status);
        Assert.Equal(detail, Envelope.Error(refused.Json, "VALIDATION_FAILED").Str("detail"));
        Assert.Equal("Kept", Envelope.Success((await Server.SendAsync(HttpMethod.Get, "/api/v1/drivers/me", driver)).Json).Str("name"));
    }

    [Fact]
    public async Task A_riders_profile_round_trips_and_is_validated()
    {
        var riderId = TestIds.New("rider");
        var rider = EdgeTestServer.Token(riderId, "rider", "Rita");
        var before = Envelope.Success((await Server.SendAsync(HttpMethod.Get, "/api/v1/riders/me", rider)).Json);
        Assert.Equal((riderId, riderId, 5.0, 0L), (before.Str("rider_id"), before.Str("name"), before.Dbl("rating"), before.Long("ride_count")));
        Assert.False(before.Has("phone"));

        var updated = Envelope.Success((await Server.SendAsync(HttpMethod.Put, "/api/v1/riders/me", rider, new JsonObject { ["name"] = "Rita R.", ["phone"] = "+44 20 7946 0958" })).Json);
        Assert.Equal(("Rider profile updated", "Rita R.", "+442079460958"), (updated.Str("message"), updated.Str("name"), updated.Str("phone")));
        var read = Envelope.Success((await Server.SendAsync(HttpMethod.Get, "/api/v1/riders/me", rider)).Json);
        Assert.Equal(("Rita R.", "+442079460958"), (read.Str("name"), read.Str("phone")));

        var blank = await Server.SendAsync(HttpMethod.Put, "/api/v1/riders/me", rider, new JsonObject { ["name"] = "", ["phone"] = "12" });
        Assert.Equal("name must not be blank", Envelope.Error(blank.Json, "VALIDATION_FAILED").Str("detail"));
        var phone = await Server.SendAsync(HttpMethod.Put, "/api/v1/riders/me", rider, new JsonObject { ["name"] = "Rita", ["phone"] = "12" });
        Assert.Equal("phone: must have 7 to 15 digits", Envelope.Error(phone.Json, "VALIDATION_FAILED").Str("detail"));
        var tooLong = await Server.SendAsync(HttpMethod.Put, "/api/v1/riders/me", rider, new JsonObject { ["name"] = new string('n', 101) });
        Assert.Equal("name must be at most 100 characters (got 101)", Envelope.Error(tooLong.Json, "VALIDATION_FAILED").Str("detail"));
        Assert.Equal("+442079460958", Envelope.Success((await Server.SendAsync(HttpMethod.Get, "/api/v1/riders/me", rider)).Json).Str("phone"));
    }
}
