using System.Text.Json.Nodes;

namespace Rides.Edge.Tests.Protocol;

/// <summary>Seed 000's limits, enforced by the grains and reported by the edge as RATE_LIMITED.</summary>
public sealed class RateLimitTests(RateLimitServerFixture fixture) : IClassFixture<RateLimitServerFixture>
{
    private EdgeTestServer Server => fixture.Server;

    [Fact]
    public async Task A_second_location_update_within_the_interval_is_rate_limited_and_the_connection_stays_usable()
    {
        var area = TestArea.Next();
        await using var driver = await Server.ConnectNewAsync("driver");
        Envelope.Success(await driver.Hub.InvokeAsync("go_online", new JsonObject()).DefaultTimeout());
        Envelope.Success(await driver.Hub.InvokeAsync("update_location", area.Location(10)).DefaultTimeout());

        var limited = Envelope.Error(await driver.Hub.InvokeAsync("update_location", area.Location(20)).DefaultTimeout(), "RATE_LIMITED");
        Assert.False(string.IsNullOrEmpty(limited.Str("detail")));
        Envelope.Success(await driver.Hub.InvokeAsync("ping", new JsonObject()).DefaultTimeout());
    }

    [Fact]
    public async Task The_sixth_chat_message_in_a_minute_is_rate_limited()
    {
        await using var scenario = await RideScenario.AcceptedAsync(Server);
        for (var i = 1; i <= 5; i++)
        {
            Envelope.Success(await scenario.Rider.Hub.InvokeAsync("send_chat_message", new JsonObject { ["ride_id"] = scenario.RideId, ["message"] = $"message {i}" }).DefaultTimeout());
        }

        var limited = Envelope.Error(await scenario.Rider.Hub.InvokeAsync("send_chat_message", new JsonObject { ["ride_id"] = scenario.RideId, ["message"] = "message 6" }).DefaultTimeout(), "RATE_LIMITED");
        Assert.False(string.IsNullOrEmpty(limited.Str("detail")));

        // The limit is per user: the driver may still write.
        Envelope.Success(await scenario.Driver.Hub.InvokeAsync("send_chat_message", new JsonObject { ["ride_id"] = scenario.RideId, ["message"] = "ok" }).DefaultTimeout());
        var history = Envelope.Success(await scenario.Driver.Hub.InvokeAsync("get_ride_chats", scenario.RidePayload()).DefaultTimeout());
        Assert.Equal(6, history.At("chats").GetArrayLength());
    }
}
