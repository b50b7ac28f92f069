using System.Text.Json.Nodes;
using Rides.Edge.Tests.Client;

namespace Rides.Edge.Tests.Protocol;

/// <summary>Malformed payloads get VALIDATION_FAILED with a detail; the connection stays usable; nothing internal leaks.</summary>
public sealed class PayloadValidationTests(EdgeServerFixture fixture) : IClassFixture<EdgeServerFixture>
{
    private EdgeTestServer Server => fixture.Server;

    [Theory]
    [InlineData("""{"latitude": 91, "longitude": 0}""", "latitude must be between -90 and 90")]
    [InlineData("""{"latitude": 0, "longitude": -180.5}""", "longitude must be between -180 and 180")]
    [InlineData("""{"latitude": "north", "longitude": 0}""", "latitude must be a number")]
    [InlineData("""{"latitude": 10}""", "longitude is required")]
    [InlineData("""{}""", "latitude is required; longitude is required")]
    [InlineData("""{"latitude": 10, "longitude": 10, "heading": 400}""", "heading must be between 0 and 360")]
    [InlineData("""42""", "payload must be a JSON object")]
    [InlineData("""null""", "payload must be a JSON object")]
    public async Task A_bad_location_is_refused_with_a_detail_that_names_the_field(string payload, string detail)
    {
        await using var driver = await Server.ConnectNewAsync("driver");
        var refused = Envelope.Error(await driver.Hub.InvokeRawAsync("update_location", "[" + payload + "]").DefaultTimeout(), "VALIDATION_FAILED");
        Assert.Equal(detail, refused.Str("detail"));
        Assert.Equal("The request is not valid.", refused.Str("message"));
        Envelope.Success(await driver.Hub.InvokeAsync("ping", new JsonObject()).DefaultTimeout());
    }

    [Fact]
    public async Task An_over_long_chat_message_is_refused_before_it_reaches_the_room()
    {
        await using var rider = await Server.ConnectNewAsync("rider");
        var payload = new JsonObject { ["ride_id"] = "ride_1", ["message"] = new string('x', 1001) };
        var refused = Envelope.Error(await rider.Hub.InvokeAsync("send_chat_message", payload).DefaultTimeout(), "VALIDATION_FAILED");
        Assert.Equal("message must be at most 1000 characters (got 1001)", refused.Str("detail"));
    }

    [Theory]
    [InlineData("join_ride_room", """{}""", "ride_id is required")]
    [InlineData("join_ride_room", """{"ride_id": 7}""", "ride_id must be a string")]
    [InlineData("join_ride_room", """{"ride_id": "../etc/passwd"}""", "ride_id must be 1 to 64 letters, digits, '_', '-', '.' or ':'")]
    [InlineData("send_chat_message", """{"ride_id": "r1", "message": "   "}""", "message must not be blank")]
    [InlineData("send_chat_message", """{"message": "hi"}""", "ride_id or conversation_id is required (exactly one of them)")]
    [InlineData("typing_indicator", """{"ride_id": "r1", "is_typing": "yes"}""", "is_typing must be true or false")]
    [InlineData("mark_message_read", """{"ride_id": "r1", "message_id": 0}""", "message_id must be between 1 and 9223372036854775807")]
    [InlineData("get_missed_events", """{"ride_id": "r1", "after_seq": -1}""", "after_seq must be between 0 and 9223372036854775807")]
    [InlineData("request_ride", """{"pickup": {"latitude": 1, "longitude": 2}, "destination": {"latitude": 100, "longitude": 2}, "vehicle_type": "bus"}""", "destination.latitude must be between -90 and 90; vehicle_type must be one of standard, premium, xl, moto")]
    [InlineData("request_ride", """{"pickup": "here", "destination": {"latitude": 1, "longitude": 2}}""", "pickup must be an object with latitude and longitude")]
    [InlineData("request_ride", """{"pickup": {"latitude": 1, "longitude": 2}, "destination": {"latitude": 1.1, "longitude": 2}, "vehicle_type": "Premium"}""", "vehicle_type must be one of standard, premium, xl, moto")]
    [InlineData("request_ride", """{"pickup": {"latitude": 1, "longitude": 2}, "destination": {"latitude": 1.1, "longitude": 2}, "vehicle_type": " xl"}""", "vehicle_type must be one of standard, premium, xl, moto")]
    [InlineData("cancel_ride", """{"ride_id": "r1", "reason": 5}""", "reason must be a string")]
    [InlineData("join_support_room", """{"room_type": "general"}""", "room_type must be one of general_support, emergency_support, driver_support, regulator_support")]
    [InlineData("create_support_conversation", """{"title": "t", "content": "c", "room_type": "EMERGENCY_SUPPORT"}""", "room_type must be one of general_support, emergency_support, driver_support, regulator_support")]
    [InlineData("ping", """{"timestamp": "\ud800"}""", "timestamp must be well-formed Unicode text (it holds a lone surrogate)")]
    [InlineData("get_ride_state", """{"ride_id": "\udc00"}""", "ride_id must be well-formed Unicode text (it holds a lone surrogate)")]
    [InlineData("send_chat_message", """{"ride_id": "r1", "message": "hi\u0007"}""", "message must not contain control characters")]
    [InlineData("mark_message_read", """{"ride_id": "r1", "message_id": "1\u0000"}""", "message_id must be a positive whole number")]
    public async Task Each_method_names_what_is_wrong_with_its_payload(string method, string payload, string detail)
    {
        await using var rider = await Server.ConnectNewAsync("rider");
        var refused = Envelope.Error(await rider.Hub.InvokeRawAsync(method, "[" + payload + "]").DefaultTimeout(), "VALIDATION_FAILED");
        Assert.Equal(detail, refused.Str("detail"));
    }

    [Fact]
    public async Task A_lone_surrogate_in_a_REST_body_is_a_validation_failure_not_an_internal_error()
    {
        using var content = new StringContent("""{"user_id": "\ud800", "user_type": "rider"}""", System.Text.Encoding.UTF8, "application/json");
        using var response = await Server.Http.PostAsync("/api/v1/auth/token", content).DefaultTimeout();
        var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("VALIDATION_FAILED", body.Str("code"));
        Assert.Contains("user_id must be well-formed Unicode text", body.Str("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chat_message_keeps_its_line_breaks()
    {
        await using var rider = await Server.ConnectNewAsync("rider");
        var refused = Envelope.Error(await rider.Hub.InvokeRawAsync("send_chat_message", """[{"ride_id": "ride_none", "message": "first line\nsecond\tline"}]""").DefaultTimeout(), "RIDE_NOT_FOUND");
        Assert.Equal("RIDE_NOT_FOUND", refused.Str("code"));
    }

    [Fact]
    public async Task A_call_with_the_wrong_number_of_arguments_fails_that_call_only()
    {
        await using var rider = await Server.ConnectNewAsync("rider");
        var error = await Assert.ThrowsAsync<HubInvocationException>(() => rider.Hub.InvokeRawAsync("ping", "[{}, {}]").DefaultTimeout());
        Assert.DoesNotContain("   at ", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<HubInvocationException>(() => rider.Hub.InvokeRawAsync("no_such_method", "[{}]").DefaultTimeout());
        Envelope.Success(await rider.Hub.InvokeAsync("ping", new JsonObject { ["timestamp"] = "t1" }).DefaultTimeout());
    }

    [Fact]
    public async Task Ping_answers_pong_with_the_server_time_and_echoes_the_client_timestamp()
    {
        await using var rider = await Server.ConnectNewAsync("rider");
        var pong = Envelope.Success(await rider.Hub.InvokeAsync("ping", new JsonObject { ["timestamp"] = "2025-12-19T03:00:00Z" }).DefaultTimeout());
        Assert.Equal("pong", pong.Str("message"));
        Assert.Equal("2025-12-19T03:00:00Z", pong.Str("client_timestamp"));
        Assert.True(DateTimeOffset.Parse(pong.Str("timestamp")!, System.Globalization.CultureInfo.InvariantCulture) > DateTimeOffset.UtcNow.AddMinutes(-1));
    }

    [Fact]
    public async Task A_rest_body_that_is_not_json_is_refused_with_a_validation_error()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/riders/rides")
        {
            Content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", EdgeTestServer.Token(TestIds.New("rider"), "rider"));
        using var response = await Server.Http.SendAsync(request).DefaultTimeout();
        Assert.Equal(400, (int)response.StatusCode);
        var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync().DefaultTimeout()).RootElement;
        Assert.Equal("VALIDATION_FAILED", body.Str("code"));
        Assert.Equal("body must be a JSON object", body.Str("detail"));
    }
}
