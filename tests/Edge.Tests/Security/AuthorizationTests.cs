using Rides.Grains.Events;
using System.Text.Json.Nodes;
using Rides.Grains;

namespace Rides.Edge.Tests.Security;

/// <summary>Every refusal of "who may do what": rooms of other users, methods of other roles, offline drivers.</summary>
public sealed class AuthorizationTests(EdgeServerFixture fixture) : IClassFixture<EdgeServerFixture>
{
    private EdgeTestServer Server => fixture.Server;

    [Fact]
    public async Task A_rider_joining_another_riders_room_is_refused_and_subscribed_to_nothing_of_it()
    {
        await using var scenario = await RideScenario.AcceptedAsync(Server);
        await using var stranger = await Server.ConnectNewAsync("rider");

        var refused = await stranger.Hub.InvokeAsync("join_ride_room", scenario.RidePayload()).DefaultTimeout();
        Envelope.Error(refused, "NOT_A_PARTICIPANT");
        Assert.DoesNotContain(Server.Subscriptions.TopicsOf(stranger.Hub.ConnectionId), s => s.Key == scenario.RideId);
        Envelope.Error(await stranger.Hub.InvokeAsync("get_ride_state", scenario.RidePayload()).DefaultTimeout(), "NOT_A_PARTICIPANT");
        Envelope.Error(await stranger.Hub.InvokeAsync("get_missed_events", new JsonObject { ["ride_id"] = scenario.RideId, ["after_seq"] = 0 }).DefaultTimeout(), "NOT_A_PARTICIPANT");
        Envelope.Error(await stranger.Hub.InvokeAsync("get_ride_chats", scenario.RidePayload()).DefaultTimeout(), "NOT_A_PARTICIPANT");
        Envelope.Error(await stranger.Hub.InvokeAsync("send_chat_message", new JsonObject { ["ride_id"] = scenario.RideId, ["message"] = "hi" }).DefaultTimeout(), "NOT_A_PARTICIPANT");
        Envelope.Error(await stranger.Hub.InvokeAsync("cancel_ride", scenario.RidePayload()).DefaultTimeout(), "NOT_A_PARTICIPANT");

        var rest = await Server.SendAsync(HttpMethod.Get, $"/api/v1/rides/{scenario.RideId}", stranger.Token);
        Assert.Equal(403, rest.Status);
        Assert.Equal("NOT_A_PARTICIPANT", rest.Json.Str("code"));

        // The stranger still works: the refusals did not break the connection.
        Envelope.Success(await stranger.Hub.InvokeAsync("ping", new JsonObject()).DefaultTimeout());
    }

    [Fact]
    public async Task A_driver_not_assigned_to_a_ride_cannot_join_its_room_or_see_the_drivers_location()
    {
        await using var scenario = await RideScenario.AcceptedAsync(Server);
        await using var other = await Server.ConnectNewAsync("driver");

        Envelope.Error(await other.Hub.InvokeAsync("join_ride_room", scenario.RidePayload()).DefaultTimeout(), "NOT_A_PARTICIPANT");
        Assert.DoesNotContain(Server.Subscriptions.TopicsOf(other.Hub.ConnectionId), s => s.Key == scenario.RideId);

        // The assigned driver's own connection gets status and chat, but its location goes only to the rider.
        var driverStreams = Server.Subscriptions.TopicsOf(scenario.Driver.Hub.ConnectionId).Where(s => s.Key == scenario.RideId).Select(s => s.Namespace).Order();
        Assert.Equal([Topics.RideChatNamespace, Topics.RideStatusNamespace], driverStreams);
        var riderStreams = Server.Subscriptions.TopicsOf(scenario.Rider.Hub.ConnectionId).Where(s => s.Key == scenario.RideId).Select(s => s.Namespace).Order();
        Assert.Equal([Topics.RideChatNamespace, Topics.RideLocationNamespace, Topics.RideStatusNamespace], riderStreams);
    }

    [Theory]
    [InlineData("go_online")]
    [InlineData("go_offline")]
    [InlineData("accept_ride")]
    [InlineData("decline_ride")]
    [InlineData("driver_arrived")]
    [InlineData("start_ride")]
    [InlineData("complete_ride")]
    [InlineData("update_location")]
    [InlineData("rate_rider")]
    public async Task A_rider_calling_a_driver_method_is_refused_as_forbidden(string method)
    {
        await using var rider = await Server.ConnectNewAsync("rider");
        var payload = new JsonObject { ["ride_id"] = "ride_x", ["latitude"] = 1.0, ["longitude"] = 1.0, ["rating"] = 5 };
        var refused = Envelope.Error(await rider.Hub.InvokeAsync(method, payload).DefaultTimeout(), "FORBIDDEN");
        Assert.Equal($"Only a driver may call {method}.", refused.Str("message"));
        Assert.DoesNotContain(Server.Subscriptions.TopicsOf(rider.Hub.ConnectionId), s => s.Namespace == Topics.DriverOffersNamespace);
    }

    [Theory]
    [InlineData("request_ride")]
    [InlineData("rate_driver")]
    public async Task A_driver_calling_a_rider_method_is_refused_as_forbidden(string method)
    {
        var area = TestArea.Next();
        await using var driver = await Server.ConnectNewAsync("driver");
        var payload = area.RideRequest();
        payload["ride_id"] = "ride_x";
        payload["rating"] = 5;
        Envelope.Error(await driver.Hub.InvokeAsync(method, payload).DefaultTimeout(), "FORBIDDEN");
    }

    [Fact]
    public async Task A_driver_who_went_offline_cannot_accept_the_ride_it_was_offered()
    {
        await using var scenario = await RideScenario.OfferedAsync(Server);
        Envelope.Success(await scenario.Driver.Hub.InvokeAsync("go_offline", new JsonObject()).DefaultTimeout());

        var refused = await scenario.AcceptAsync();
        Envelope.Error(refused, "DRIVER_OFFLINE");
    }

    [Fact]
    public async Task A_driver_that_never_went_online_cannot_accept_a_ride()
    {
        await using var scenario = await RideScenario.OfferedAsync(Server);
        await using var offline = await Server.ConnectNewAsync("driver");
        var refused = Envelope.Error(await offline.Hub.InvokeAsync("accept_ride", scenario.RidePayload()).DefaultTimeout(), "RIDE_NOT_OFFERED");
        Assert.Equal("This ride is not offered to you.", refused.Str("message"));
    }

    [Fact]
    public async Task Rest_ride_creation_by_a_driver_is_forbidden_and_without_a_token_unauthenticated()
    {
        var area = TestArea.Next();
        var asDriver = await Server.SendAsync(HttpMethod.Post, "/api/v1/riders/rides", EdgeTestServer.Token(TestIds.New("driver"), "driver"), area.RideRequest());
        Assert.Equal(403, asDriver.Status);
        Assert.Equal("FORBIDDEN", asDriver.Json.Str("code"));

        var anonymous = await Server.SendAsync(HttpMethod.Post, "/api/v1/riders/rides", null, area.RideRequest());
        Assert.Equal(401, anonymous.Status);
        Assert.Equal("UNAUTHENTICATED", anonymous.Json.Str("code"));
    }

    [Fact]
    public async Task Stats_are_for_back_office_roles_only()
    {
        var asRider = await Server.SendAsync(HttpMethod.Get, "/api/v1/ws/stats", EdgeTestServer.Token(TestIds.New("rider"), "rider"));
        Assert.Equal(403, asRider.Status);
        var asOperator = await Server.SendAsync(HttpMethod.Get, "/api/v1/ws/stats", EdgeTestServer.Token(TestIds.New("operator"), "operator"));
        Assert.Equal(200, asOperator.Status);
    }
}
