using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Rides.Edge.Tests.Client;

namespace Rides.Edge.Tests.Security;

/// <summary>JWT at the hub and the REST API: what is refused at connect, what the authenticate method says, expiry.</summary>
public sealed class AuthenticationTests(EdgeServerFixture fixture) : IClassFixture<EdgeServerFixture>
{
    private EdgeTestServer Server => fixture.Server;

    [Fact]
    public async Task Connecting_without_a_token_is_refused_with_401()
    {
        var negotiated = await Assert.ThrowsAsync<HubConnectRefusedException>(() => HubTestClient.ConnectAsync(Server.BaseAddress, null).DefaultTimeout());
        Assert.Equal(401, negotiated.StatusCode);
        var direct = await Assert.ThrowsAsync<HubConnectRefusedException>(() => HubTestClient.ConnectAsync(Server.BaseAddress, null, negotiate: false).DefaultTimeout());
        Assert.Equal(401, direct.StatusCode);
    }

    [Fact]
    public async Task Connecting_with_a_token_signed_by_another_key_is_refused_with_401()
    {
        var forged = TestTokens.For(TestIds.New("rider"), "rider", signingKey: "another-key-that-is-long-enough-for-hs256-0123456789");
        var refused = await Assert.ThrowsAsync<HubConnectRefusedException>(() => HubTestClient.ConnectAsync(Server.BaseAddress, forged, negotiate: false).DefaultTimeout());
        Assert.Equal(401, refused.StatusCode);
    }

    [Fact]
    public async Task Connecting_with_an_expired_token_is_refused_with_401()
    {
        var expired = TestTokens.Expired(TestIds.New("rider"), "rider");
        var refused = await Assert.ThrowsAsync<HubConnectRefusedException>(() => HubTestClient.ConnectAsync(Server.BaseAddress, expired).DefaultTimeout());
        Assert.Equal(401, refused.StatusCode);
    }

    [Fact]
    public async Task Connecting_with_a_role_no_token_may_carry_is_refused_with_403()
    {
        var system = TestTokens.For(TestIds.New("system"), "system");
        var refused = await Assert.ThrowsAsync<HubConnectRefusedException>(() => HubTestClient.ConnectAsync(Server.BaseAddress, system).DefaultTimeout());
        Assert.Equal(403, refused.StatusCode);
    }

    [Fact]
    public async Task An_rs256_token_from_the_configured_public_key_is_accepted()
    {
        var id = TestIds.New("rider");
        await using var client = await Server.ConnectAsync(TestTokens.Rs256For(id, "rider"));
        var answer = Envelope.Success(await client.InvokeAsync("authenticate", new JsonObject { ["token"] = TestTokens.Rs256For(id, "rider") }).DefaultTimeout());
        Assert.Equal(id, answer.Str("user_id"));
    }

    [Fact]
    public async Task A_bearer_header_works_for_rest_but_a_query_token_only_on_the_hub_path()
    {
        var token = EdgeTestServer.Token(TestIds.New("operator"), "operator");
        Assert.Equal(200, (await Server.SendAsync(HttpMethod.Get, "/api/v1/ws/stats", token)).Status);
        Assert.Equal(401, (await Server.SendAsync(HttpMethod.Get, "/api/v1/ws/stats?access_token=" + token, null)).Status);
    }

    [Fact]
    public async Task Authenticate_confirms_the_connections_user_and_refuses_bad_or_foreign_tokens()
    {
        await using var rider = await Server.ConnectNewAsync("rider");
        var ok = Envelope.Success(await rider.Hub.InvokeAsync("authenticate", new JsonObject { ["token"] = rider.Token }).DefaultTimeout());
        Assert.Equal("Authenticated successfully", ok.Str("message"));
        Assert.Equal("RIDER", ok.Str("user_type"));
        Assert.Equal(rider.Id, ok.Str("user_id"));

        Envelope.Error(await rider.Hub.InvokeAsync("authenticate", new JsonObject { ["token"] = "not-a-jwt" }).DefaultTimeout(), "UNAUTHENTICATED");
        var foreign = EdgeTestServer.Token(TestIds.New("rider"), "rider");
        Envelope.Error(await rider.Hub.InvokeAsync("authenticate", new JsonObject { ["token"] = foreign }).DefaultTimeout(), "FORBIDDEN");
        Envelope.Error(await rider.Hub.InvokeAsync("authenticate", new JsonObject()).DefaultTimeout(), "VALIDATION_FAILED");
    }

    [Fact]
    public async Task A_connection_is_closed_when_its_token_expires()
    {
        var token = TestTokens.For(TestIds.New("rider"), "rider", lifetime: TimeSpan.FromSeconds(3));
        await using var client = await Server.ConnectAsync(token);
        Envelope.Success(await client.InvokeAsync("ping", new JsonObject()).DefaultTimeout());

        var closed = await client.Closed.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.NotEqual(WebSocketCloseStatus.InternalServerError, closed.CloseStatus);
        await Assert.ThrowsAsync<HubConnectionClosedException>(() => client.InvokeAsync("ping", new JsonObject()).DefaultTimeout());
    }

    [Fact]
    public async Task The_development_issuer_hands_out_working_tokens_for_each_role()
    {
        foreach (var type in new[] { "RIDER", "driver", "Staff", "admin", "operator", "Regulator" })
        {
            var id = TestIds.New("dev");
            var issued = await Server.SendAsync(HttpMethod.Post, "/api/v1/auth/token", null, new JsonObject { ["user_id"] = id, ["user_type"] = type, ["name"] = "Dev User" });
            Assert.Equal(200, issued.Status);
            Assert.Equal("Bearer", issued.Json.Str("token_type"));
            Assert.Equal(3600, issued.Json.Long("expires_in"));
            await using var client = await Server.ConnectAsync(issued.Json.Str("access_token"));
            var who = Envelope.Success(await client.InvokeAsync("authenticate", new JsonObject { ["token"] = issued.Json.Str("access_token") }).DefaultTimeout());
            Assert.Equal(type.ToUpperInvariant(), who.Str("user_type"));
            Assert.Equal(id, who.Str("user_id"));
        }

        var bad = await Server.SendAsync(HttpMethod.Post, "/api/v1/auth/token", null, new JsonObject { ["user_id"] = "x", ["user_type"] = "system" });
        Assert.Equal(400, bad.Status);
        Assert.Equal("VALIDATION_FAILED", bad.Json.Str("code"));
        Assert.Equal("user_type must be one of rider, driver, staff, admin, operator, regulator", bad.Json.Str("detail"));
    }
}
