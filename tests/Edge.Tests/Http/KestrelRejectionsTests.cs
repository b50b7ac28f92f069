using System.Text;
using Rides.Edge.Http;

namespace Rides.Edge.Tests.Http;

/// <summary>Which answers the connection filter rewrites: Kestrel's bodiless rejections, and nothing else.</summary>
public sealed class KestrelRejectionsTests
{
    private const string Rejection = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\nDate: Wed, 02 Dec 2026 00:00:00 GMT\r\nServer: Kestrel\r\n\r\n";

    [Fact]
    public void A_kestrel_rejection_gets_the_envelope_as_its_body_and_keeps_its_other_headers()
    {
        Assert.True(KestrelRejections.TryRewrite(Encoding.ASCII.GetBytes(Rejection), out var rewritten));
        var text = Encoding.UTF8.GetString(rewritten);
        const string body = "{\"status\":\"error\",\"message\":\"The HTTP request is malformed.\",\"code\":\"BAD_REQUEST\"}";
        Assert.Equal(
            $"HTTP/1.1 400 Bad Request\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {body.Length}\r\nConnection: close\r\nDate: Wed, 02 Dec 2026 00:00:00 GMT\r\nServer: Kestrel\r\n\r\n{body}",
            text);
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\nDate: Wed, 02 Dec 2026 00:00:00 GMT\r\n\r\n")]
    [InlineData("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nDate: Wed, 02 Dec 2026 00:00:00 GMT\r\nServer: Kestrel\r\n\r\n")]
    [InlineData("HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: 0\r\nConnection: close\r\nServer: Kestrel\r\n\r\n")]
    [InlineData("HTTP/1.1 400 Bad Request\r\nContent-Length: 2\r\nConnection: close\r\nDate: Wed, 02 Dec 2026 00:00:00 GMT\r\n\r\n{}")]
    [InlineData("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\nDate: Wed, 02 Dec 2026 00:00:00 GMT\r\n\r\nHTTP/1.1 200 OK\r\n\r\n")]
    [InlineData("\u0082\u007e\u0000\u0050HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")]
    public void Anything_else_passes_unchanged(string written)
    {
        Assert.False(KestrelRejections.TryRewrite(Encoding.Latin1.GetBytes(written), out _));
    }
}
