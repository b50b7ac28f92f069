using System.Text.Json;
using System.Text.Json.Nodes;
using Rides.Edge.Tests.Client;

namespace Rides.Edge.Tests.Rest;

/// <summary>A driver app that works over REST (seed 001's) drives the same ride, with the same answers and events, as one on the hub.</summary>
public sealed class DriverRestFlowTests(EdgeServerFixture fixture) : IClassFixture<EdgeServerFixture>
{
    private static readonly string[] RiderEvents = ["ride_status_update", "driver_location_update", "trip_pin", "chat_message"];

    private EdgeTestServer Server => fixture.Server;

    [Fact]
    public async Task A_ride_driven_over_rest_gives_the_rider_on_the_hub_the_same_events_and_the_driver_the_same_answers()
    {
        var overHub = await DriveAsync(overRest: false);
        var overRest = await DriveAsync(overRest: true);

        Assert.Equal(overHub.Answers, overRest.Answers);
        foreach (var target in RiderEvents)
        {
            Assert.Equal(overHub.RiderEvents.GetValueOrDefault(target, []), overRest.RiderEvents.GetValueOrDefault(target, []));
        }

        // And what they are: four status updates in order, the PIN, the driver's moves; and the ride in both histories.
        Assert.Equal(
            ["arrivingToPickup|2|Driver Dana Driver is on the way!", "driverArrived|3|Driver Dana Driver has arrived.", "drivingToDestination|4|The trip has started.", "completed|5|The trip is complete."],
            overRest.RiderEvents["ride_status_update"].Select(e => e.Split('|', 4)[..3]).Select(parts => string.Join('|', parts)));
        Assert.Single(overRest.RiderEvents["trip_pin"]);
        Assert.Equal(3, overRest.RiderEvents["driver_location_update"].Count);
        Assert.Equal(overRest.RideId, overRest.DriverHistory.At("rides")[0].Str("ride_id"));
        Assert.Equal("completed", overRest.DriverHistory.At("rides")[0].Str("status"));
        Assert.Equal(overRest.Fare, overRest.DriverHistory.At("rides")[0].At("fare").GetDecimal());
        Assert.True(overRest.DriverHistory.At("rides")[0].Dbl("distance") > 2.5);
        Assert.Equal(overRest.RideId, overRest.RiderHistory.At("rides")[0].Str("ride_id"));
    }

    private async Task<Drive> DriveAsync(bool overRest)
    {
        var area = TestArea.Next();
        await using var driver = await Server.ConnectNewAsync("driver", "Dana Driver");
        await using var rider = await Server.ConnectNewAsync("rider", "Rita Rider");
        await driver.Hub.Events.WaitForAsync("server_message"); // connected: its offers reach this connection
        var answers = new List<string>();

        async Task<JsonElement> Act(string method, JsonObject payload, string path, JsonObject? body = null)
        {
            var answer = overRest
                ? await RestSuccessAsync(HttpMethod.Post, path, driver.Token, body)
                : Envelope.Success(await driver.Hub.InvokeAsync(method, payload).DefaultTimeout());
            answers.Add(Shape(answer, withValuesOf: ["message", "status", "is_online", "last_seq", "ride_data.status", "driver_info.name"]));
            return answer;
        }

        await Act("go_online", new JsonObject(), "/api/v1/drivers/online");
        await Act("update_location", area.Location(200), "/api/v1/drivers/location", area.Location(200));

        var created = await Server.SendAsync(HttpMethod.Post, "/api/v1/riders/rides", rider.Token, area.RideRequest());
        Assert.Equal(201, created.Status);
        var rideId = created.Json.Str("ride_id")!;
        Envelope.Success(await rider.Hub.InvokeAsync("join_ride_room", new JsonObject { ["ride_id"] = rideId }).DefaultTimeout());
        await driver.Hub.Events.WaitForAsync("new_ride_request", e => e.Str("ride_id") == rideId);

        var ride = new JsonObject { ["ride_id"] = rideId };
        var rides = $"/api/v1/drivers/rides/{rideId}";
        var accepted = await Act("accept_ride", ride.DeepClone().AsObject(), rides + "/accept");
        Assert.Equal($"ride-status/{rideId}/2", accepted.Str("event_id"));
        await rider.Hub.Events.WaitForAsync("ride_status_update", e => e.Str("status") == "arrivingToPickup");
        await rider.Hub.Events.WaitForAsync("trip_pin", e => e.Str("ride_id") == rideId);

        await Act("update_location", area.Location(20), "/api/v1/drivers/location", area.Location(20));
        await rider.Hub.Events.WaitForAsync("driver_location_update", e => e.Str("ride_id") == rideId);
        await Act("driver_arrived", ride.DeepClone().AsObject(), rides + "/arrived");
        await rider.Hub.Events.WaitForAsync("ride_status_update", e => e.Str("status") == "driverArrived");
        await Act("start_ride", ride.DeepClone().AsObject(), rides + "/start");
        await rider.Hub.Events.WaitForAsync("ride_status_update", e => e.Str("status") == "drivingToDestination");
        await Act("update_location", area.Location(1500), "/api/v1/drivers/location", area.Location(1500));
        await Act("update_location", area.Location(3000), "/api/v1/drivers/location", area.Location(3000));
        await rider.Hub.Events.WaitForAsync("driver_location_update", e => e.Dbl("latitude") > area.Offset(2999).Latitude);
        var completed = await Act("complete_ride", ride.DeepClone().AsObject(), rides + "/complete");
        await rider.Hub.Events.WaitForAsync("ride_status_update", e => e.Str("status") == "completed");

        var riderEvents = rider.Hub.Events.All
            .Where(e => RiderEvents.Contains(e.Target))
            .GroupBy(e => e.Target)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(RiderEvent)]);
        var driverHistory = await RestSuccessAsync(HttpMethod.Get, "/api/v1/drivers/rides", driver.Token, null);
        var riderHistory = await RestSuccessAsync(HttpMethod.Get, "/api/v1/riders/rides", rider.Token, null);
        return new Drive(rideId, completed.At("ride_data.fare").GetDecimal(), answers, riderEvents, driverHistory, riderHistory);
    }

    private async Task<JsonElement> RestSuccessAsync(HttpMethod method, string path, string token, JsonObject? body)
    {
        var answer = await Server.SendAsync(method, path, token, body);
        Assert.True(answer.Status == 200, $"{method} {path}: {answer.Status} {answer.Text}");
        return Envelope.Success(answer.Json);
    }

    private static string RiderEvent(HubEvent e) => e.Target switch
    {
        "ride_status_update" => $"{e.Payload.Str("status")}|{e.Payload.Long("seq")}|{e.Payload.Str("data.message")}|{Shape(e.Payload, [])}",
        _ => Shape(e.Payload, []),
    };

    /// <summary>The JSON's property names, nested, with the values of <paramref name="withValuesOf"/> (dotted paths).</summary>
    private static string Shape(JsonElement element, string[] withValuesOf, string path = "") => element.ValueKind switch
    {
        JsonValueKind.Object => "{" + string.Join(",", element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => p.Name + ":" + Shape(p.Value, withValuesOf, path.Length == 0 ? p.Name : path + "." + p.Name))) + "}",
        JsonValueKind.Array => "[" + string.Join(",", element.EnumerateArray().Select(item => Shape(item, withValuesOf, path))) + "]",
        _ => withValuesOf.Contains(path) ? element.GetRawText() : element.ValueKind.ToString(),
    };

    private sealed record Drive(string RideId, decimal Fare, IReadOnlyList<string> Answers, Dictionary<string, IReadOnlyList<string>> RiderEvents, JsonElement DriverHistory, JsonElement RiderHistory);
}
