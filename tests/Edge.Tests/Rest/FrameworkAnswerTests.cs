using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Rides.Edge.Tests.Rest;

/// <summary>Every HTTP answer carries the error envelope, including those the framework and Kestrel write themselves.</summary>
public sealed class FrameworkAnswerTests(EdgeServerFixture fixture) : IClassFixture<EdgeServerFixture>
{
    private EdgeTestServer Server => fixture.Server;

    private string Host => $"{Server.BaseAddress.Host}:{Server.BaseAddress.Port}";

    [Fact]
    public async Task An_unknown_path_is_404_not_found()
    {
        var answer = await Server.SendAsync(HttpMethod.Get, "/api/v1/no/such/thing", null);
        Assert.Equal(404, answer.Status);
        Assert.Equal("There is nothing at this address.", Envelope.Error(answer.Json, "NOT_FOUND").Str("message"));
    }

    [Fact]
    public async Task A_known_path_with_another_method_is_405_method_not_allowed()
    {
        var answer = await Server.SendAsync(HttpMethod.Delete, "/api/v1/ws/stats", EdgeTestServer.Token(TestIds.New("admin"), "admin"));
        Assert.Equal(405, answer.Status);
        Envelope.Error(answer.Json, "METHOD_NOT_ALLOWED");
        var put = await Server.SendAsync(HttpMethod.Put, "/api/v1/drivers/online", EdgeTestServer.Token(TestIds.New("driver"), "driver"), new JsonObject());
        Assert.Equal(405, put.Status);
        Envelope.Error(put.Json, "METHOD_NOT_ALLOWED");
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_415_unsupported_media_type_from_routing_and_from_the_reader()
    {
        // PUT /riders/me declares that it accepts JSON: routing itself answers 415.
        var routed = await SendTextAsync(HttpMethod.Put, "/api/v1/riders/me", "rider", "name=Ann", "application/x-www-form-urlencoded");
        Assert.Equal(415, routed.Status);
        Assert.Equal("The body must be JSON.", Envelope.Error(routed.Json, "UNSUPPORTED_MEDIA_TYPE").Str("message"));

        // POST /drivers/online takes an optional body: the body reader answers 415 when one comes that is not JSON.
        var read = await SendTextAsync(HttpMethod.Post, "/api/v1/drivers/online", "driver", "{}", "text/plain");
        Assert.Equal(415, read.Status);
        Assert.Equal("Content-Type must be application/json", Envelope.Error(read.Json, "UNSUPPORTED_MEDIA_TYPE").Str("detail"));
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_payload_too_large_with_or_without_a_length()
    {
        var big = "{\"name\":\"" + new string('a', 70_000) + "\"}";
        var declared = await RawHttp.SendAsync(Server.BaseAddress, $"PUT /api/v1/riders/me HTTP/1.1\r\nHost: {Host}\r\nAuthorization: Bearer {EdgeTestServer.Token(TestIds.New("rider"), "rider")}\r\nContent-Type: application/json\r\nContent-Length: {big.Length}\r\n\r\n{big}");
        Assert.Equal(413, declared.Status);
        Envelope.Error(declared.Json, "PAYLOAD_TOO_LARGE");

        // Chunked: no length up front, so Kestrel itself stops reading at the limit.
        var chunked = new StringBuilder($"PUT /api/v1/riders/me HTTP/1.1\r\nHost: {Host}\r\nAuthorization: Bearer {EdgeTestServer.Token(TestIds.New("rider"), "rider")}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
        foreach (var piece in big.Chunk(8192))
        {
            chunked.Append($"{piece.Length:x}\r\n").Append(piece).Append("\r\n");
        }

        chunked.Append("0\r\n\r\n");
        var streamed = await RawHttp.SendAsync(Server.BaseAddress, chunked.ToString());
        Assert.Equal(413, streamed.Status);
        Assert.Equal("The request body is too large.", Envelope.Error(streamed.Json, "PAYLOAD_TOO_LARGE").Str("message"));
    }

    [Fact]
    public async Task A_request_line_over_kestrels_limit_is_414_uri_too_long()
    {
        var answer = await RawHttp.SendAsync(Server.BaseAddress, $"GET /health/live?q={new string('x', 10_000)} HTTP/1.1\r\nHost: {Host}\r\n\r\n");
        Assert.Equal(414, answer.Status);
        Assert.StartsWith("application/json", answer.Headers["content-type"]);
        Envelope.Error(answer.Json, "URI_TOO_LONG");
    }

    [Fact]
    public async Task Headers_over_kestrels_limit_are_431_headers_too_large()
    {
        var answer = await RawHttp.SendAsync(Server.BaseAddress, $"GET /health/live HTTP/1.1\r\nHost: {Host}\r\nX-Big: {new string('x', 40_000)}\r\n\r\n");
        Assert.Equal(431, answer.Status);
        Envelope.Error(answer.Json, "HEADERS_TOO_LARGE");
    }

    [Theory]
    [InlineData("GARBAGE\r\n\r\n")]
    [InlineData("GET /health/live HTTP/1.1\r\n\r\n")]
    [InlineData("GET /health/live HTTP/1.1\r\nHost: a\r\nBad Header Name: x\r\n\r\n")]
    [InlineData("POST /api/v1/auth/token HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}")]
    public async Task A_request_kestrel_rejects_before_the_application_is_400_bad_request_in_the_envelope(string request)
    {
        var answer = await RawHttp.SendAsync(Server.BaseAddress, request);
        Assert.Equal(400, answer.Status);
        Assert.StartsWith("application/json", answer.Headers["content-type"]);
        Assert.Equal(answer.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), answer.Headers["content-length"]);
        Assert.Equal("The HTTP request is malformed.", Envelope.Error(answer.Json, "BAD_REQUEST").Str("message"));
    }

    [Fact]
    public async Task Ordinary_answers_on_the_same_connection_pass_through_unchanged()
    {
        // Two pipelined requests, the second one with Connection: close: both answered as the application wrote them.
        var answer = await RawHttp.SendAsync(
            Server.BaseAddress,
            $"GET /health/live HTTP/1.1\r\nHost: {Host}\r\n\r\nGET /api/v1/nothing HTTP/1.1\r\nHost: {Host}\r\nConnection: close\r\n\r\n",
            readToClose: true);
        Assert.Equal(200, answer.Status);
        Assert.Contains("\"status\":\"Healthy\"", answer.Body, StringComparison.Ordinal);
        var second = answer.Raw[answer.Raw.IndexOf("HTTP/1.1 404 Not Found", StringComparison.Ordinal)..];
        Assert.Contains("Content-Type: application/json", second, StringComparison.Ordinal);
        Assert.Contains("\"code\":\"NOT_FOUND\"", second, StringComparison.Ordinal);
    }

    private async Task<RestAnswer> SendTextAsync(HttpMethod method, string path, string role, string body, string mediaType)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8, mediaType) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", EdgeTestServer.Token(TestIds.New(role), role));
        using var response = await Server.Http.SendAsync(request).DefaultTimeout();
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync().DefaultTimeout();
        return new RestAnswer((int)response.StatusCode, System.Text.Json.JsonDocument.Parse(text).RootElement.Clone(), text);
    }
}
