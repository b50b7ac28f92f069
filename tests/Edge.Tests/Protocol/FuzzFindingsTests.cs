using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Rides.Edge.Tests.Dialects;

namespace Rides.Edge.Tests.Protocol;

/// <summary>
/// Plain regressions for what the fuzz suite (tests/Edge.Tests/Fuzz) found: a field name with a lone surrogate made
/// System.Text.Json throw (INTERNAL_ERROR, HTTP 500, a dialect's handling loop ended); invalid UTF-8 in a REST body
/// field nobody reads was accepted; seed 001's ping timestamp and last_event_id and seed 004's room and lastEventId
/// were read leniently, a malformed value ignored instead of refused.
/// </summary>
public sealed class FuzzFindingsTests(EdgeServerFixture fixture) : IClassFixture<EdgeServerFixture>
{
    private const string BadName = "payload has a field name that is not well-formed Unicode text (it holds a lone surrogate)";

    private EdgeTestServer Server => fixture.Server;

    [Theory]
    [InlineData("get_ride_state", """{"\ud800": 1, "ride_id": "ride_x"}""")]
    [InlineData("ping", """{"x\udc00": true}""")]
    [InlineData("request_ride", """{"pickup": {"\ud800": 1, "latitude": 1, "longitude": 1}, "destination": {"latitude": 1, "longitude": 2}}""")]
    public async Task A_hub_payload_with_a_lone_surrogate_in_a_field_name_is_validation_failed(string method, string payload)
    {
        await using var rider = await Server.ConnectNewAsync("rider");
        var refused = Envelope.Error(await rider.Hub.InvokeRawAsync(method, "[" + payload + "]").DefaultTimeout(), "VALIDATION_FAILED");
        Assert.Equal(BadName, refused.Str("detail"));
        Envelope.Success(await rider.Hub.InvokeAsync("ping", new JsonObject()).DefaultTimeout());
    }

    [Fact]
    public async Task A_rest_body_with_a_lone_surrogate_in_a_field_name_is_400_validation_failed()
    {
        var answer = await PostAsync("/api/v1/auth/token", null, """{"\ud800": 1, "user_id": "x", "user_type": "rider"}"""u8.ToArray());
        Assert.Equal(400, answer.Status);
        Assert.Equal("body has a field name that is not well-formed Unicode text (it holds a lone surrogate)", Envelope.Error(answer.Json, "VALIDATION_FAILED").Str("detail"));
    }

    [Fact]
    public async Task A_rest_body_that_is_not_utf8_is_400_even_in_a_field_nobody_reads()
    {
        var driver = EdgeTestServer.Token(TestIds.New("driver"), "driver");
        var answer = await PostAsync("/api/v1/drivers/online", driver, [.. "{\"a\":\""u8, 0xC3, 0x28, .. "\"}"u8]);
        Assert.Equal(400, answer.Status);
        Assert.Equal("body must be UTF-8 text", Envelope.Error(answer.Json, "VALIDATION_FAILED").Str("detail"));
        var profile = await Server.SendAsync(HttpMethod.Get, "/api/v1/drivers/me", driver);
        Assert.False(profile.Json.At("is_online").GetBoolean());
    }

    [Theory]
    [InlineData("/api/v1/drivers/rides/ride_x/cancel", """{"reason": "\uDFFF"}""", "reason must be well-formed Unicode text (it holds a lone surrogate)")]
    [InlineData("/api/v1/drivers/rides/ride_x/start", """{"pin": "1", "note": "\ud800"}""", null)]
    public async Task A_rest_ride_action_whose_body_holds_a_lone_surrogate_is_not_a_500(string path, string body, string? detail)
    {
        var answer = await PostAsync(path, EdgeTestServer.Token(TestIds.New("driver"), "driver"), System.Text.Encoding.UTF8.GetBytes(body));
        Assert.NotEqual(500, answer.Status);
        Assert.NotEqual("INTERNAL_ERROR", answer.Json.Str("code"));
        if (detail is not null)
        {
            Assert.Equal(400, answer.Status);
            Assert.Equal(detail, Envelope.Error(answer.Json, "VALIDATION_FAILED").Str("detail"));
        }
    }

    [Theory]
    [InlineData("limit=1%00")]
    [InlineData("skip=0%00")]
    [InlineData("limit=%2B-1")]
    [InlineData("limit=%EF%BC%91")]
    public async Task A_history_query_number_with_a_trailing_nul_or_foreign_digits_is_400(string query)
    {
        var answer = await Server.SendAsync(HttpMethod.Get, "/api/v1/riders/rides?" + query, EdgeTestServer.Token(TestIds.New("rider"), "rider"));
        Assert.Equal(400, answer.Status);
        Envelope.Error(answer.Json, "VALIDATION_FAILED");
    }

    [Fact]
    public async Task A_dialect_frame_with_a_lone_surrogate_in_a_field_name_is_answered_and_the_socket_stays_open()
    {
        await using var socket = await Server.Seed004Async(EdgeTestServer.Token(TestIds.New("rider"), "rider"));
        await socket.WaitForAsync("connected");
        var before = socket.Frames.Count;
        await socket.SendTextAsync("""{"type":"ping","\ud800":1}""");
        var refused = await socket.Frames.WaitForAsync("error", skip: before);
        Assert.Equal("VALIDATION_FAILED", refused.Str("code"));
        Assert.Equal("frame has a field name that is not well-formed Unicode text (it holds a lone surrogate)", refused.Str("detail"));
        await socket.RequestAsync(new JsonObject { ["type"] = "ping" }, "pong");
        Assert.True(socket.IsOpen);
    }

    [Theory]
    [InlineData("""{"type":"ping","timestamp":"\ud800"}""", "timestamp must be well-formed Unicode text (it holds a lone surrogate)")]
    [InlineData("""{"type":"ping","timestamp":"\t"}""", "timestamp must not be blank")]
    [InlineData("""{"type":"ping","timestamp":42}""", "timestamp must be a string")]
    [InlineData("""{"type":"join_ride","ride_id":"ride_x","last_event_id":"\u0000"}""", "last_event_id must not contain control characters")]
    public async Task Seed_001_refuses_a_malformed_timestamp_or_last_event_id_instead_of_ignoring_it(string frame, string detail)
    {
        await using var socket = await Server.Seed001Async(EdgeTestServer.Token(TestIds.New("rider"), "rider"));
        await socket.WaitForAsync("connected");
        var before = socket.Frames.Count;
        await socket.SendTextAsync(frame);
        var refused = await socket.Frames.WaitForAsync("error", skip: before);
        Assert.Equal("VALIDATION_FAILED", refused.Str("data.code"));
        Assert.Equal(detail, refused.Str("data.detail"));
        Assert.DoesNotContain(socket.Frames.All.Skip(before), f => f.Target == "pong");
    }

    [Fact]
    public async Task Seed_004_refuses_a_malformed_last_event_id_instead_of_joining_without_it()
    {
        await using var scenario = await RideScenario.OfferedAsync(Server);
        await using var staff = await Server.Seed004Async(EdgeTestServer.Token(TestIds.New("staff"), "staff"));
        await staff.WaitForAsync("connected");
        var before = staff.Frames.Count;
        await staff.SendTextAsync("{\"type\":\"join\",\"room\":\"booking:" + scenario.RideId + "\",\"lastEventId\":\"\\ud800\"}");
        var refused = await staff.Frames.WaitForAsync("error", skip: before);
        Assert.Equal("VALIDATION_FAILED", refused.Str("code"));
        Assert.Equal("lastEventId must be well-formed Unicode text (it holds a lone surrogate)", refused.Str("detail"));
        Assert.Empty(staff.Of("joined_room"));
    }

    private async Task<RestAnswer> PostAsync(string path, string? token, byte[] body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await Server.Http.SendAsync(request).DefaultTimeout();
        var text = await response.Content.ReadAsStringAsync().DefaultTimeout();
        return new RestAnswer((int)response.StatusCode, System.Text.Json.JsonDocument.Parse(text).RootElement.Clone(), text);
    }
}
