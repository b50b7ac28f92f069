using System.Text;
using System.Text.Json;
using Rides.Edge.Protocol;
using Rides.Edge.Rest;

namespace Rides.Edge.Http;

/// <summary>
/// Recognizes the answer Kestrel writes by itself when it rejects a request before the application sees it (a
/// malformed request line or header, a missing Host, a request line or headers over their limits): an HTTP/1.1
/// 4xx or 5xx status line, <c>Content-Length: 0</c>, <c>Connection: close</c>, no Content-Type and no body. The
/// application never answers so (<see cref="ErrorEnvelopeMiddleware"/> gives its bodiless errors a JSON body),
/// so such an answer is Kestrel's, and <see cref="TryRewrite"/> gives it the error envelope.
/// </summary>
internal static class KestrelRejections
{
    private static readonly JsonSerializerOptions Json = CreateJson();

    /// <summary>The shortest rejection Kestrel writes (status line and the two headers).</summary>
    public const int MinLength = 48;

    /// <summary>The same answer with the envelope as its body, or false when <paramref name="written"/> is not a rejection.</summary>
    public static bool TryRewrite(ReadOnlySpan<byte> written, out byte[] rewritten)
    {
        rewritten = [];
        if (written.Length < MinLength || !written.StartsWith("HTTP/1.1 "u8) || !written.EndsWith("\r\n\r\n"u8)
            || written[9] is not ((byte)'4' or (byte)'5') || !char.IsAsciiDigit((char)written[10]) || !char.IsAsciiDigit((char)written[11]) || written[12] != (byte)' ')
        {
            return false;
        }

        // Headers only: the block ends where the write ends.
        var headers = written[..^2];
        if (headers.IndexOf("\r\n\r\n"u8) >= 0 || headers.IndexOf("\r\nContent-Type:"u8) >= 0 || headers.IndexOf("\r\nConnection: close\r\n"u8) < 0)
        {
            return false;
        }

        var length = headers.IndexOf("\r\nContent-Length: 0\r\n"u8);
        if (length < 0)
        {
            return false;
        }

        var status = ((written[9] - '0') * 100) + ((written[10] - '0') * 10) + (written[11] - '0');
        var body = JsonSerializer.SerializeToUtf8Bytes(HubResponse.Error(RestErrors.CodeFor(status), RestErrors.MessageFor(status)), Json);
        var replacement = Encoding.ASCII.GetBytes($"\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {body.Length}\r\n");
        var skipped = "\r\nContent-Length: 0\r\n"u8.Length;
        rewritten = [.. written[..length], .. replacement, .. written[(length + skipped)..], .. body];
        return true;
    }

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions();
        EdgeJson.Configure(options);
        return options;
    }
}
