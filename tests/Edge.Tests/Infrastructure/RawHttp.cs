using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Rides.Edge.Tests;

/// <summary>
/// Sends bytes to the server over a bare TCP socket and reads the answer until the server closes: for requests
/// HttpClient refuses to produce (a malformed request line, no Host, an oversized request line or header).
/// </summary>
public static class RawHttp
{
    /// <summary>The answer: status, headers (lower-case names), body, and everything received.</summary>
    public sealed record Answer(int Status, IReadOnlyDictionary<string, string> Headers, string Body, string Raw)
    {
        /// <summary>The body as JSON.</summary>
        public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();
    }

    /// <summary>Writes <paramref name="request"/> (ASCII) and reads the whole answer.</summary>
    /// <param name="server">The server.</param>
    /// <param name="request">The bytes to send, as ASCII text.</param>
    /// <param name="readToClose">Read until the server closes (pipelined requests) rather than to the end of the first answer.</param>
    public static Task<Answer> SendAsync(Uri server, string request, bool readToClose = false) => SendAsync(server, Encoding.ASCII.GetBytes(request), readToClose);

    /// <summary>Writes <paramref name="request"/> and reads the answer.</summary>
    public static async Task<Answer> SendAsync(Uri server, byte[] request, bool readToClose = false)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port).WaitAsync(TestTimeouts.Event).ConfigureAwait(false);
        var stream = client.GetStream();
        try
        {
            await stream.WriteAsync(request).AsTask().WaitAsync(TestTimeouts.Event).ConfigureAwait(false);
        }
        catch (IOException)
        {
            // The server may answer and close before it read everything (an oversized request); read what it said.
        }

        using var received = new MemoryStream();
        var buffer = new byte[8192];
        try
        {
            while (true)
            {
                var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TestTimeouts.Event).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                received.Write(buffer, 0, read);
                if (!readToClose && IsComplete(received.ToArray()))
                {
                    break;
                }
            }
        }
        catch (IOException) when (received.Length > 0)
        {
            // A reset after the answer (the server closed with unread request bytes).
        }

        return Parse(Encoding.UTF8.GetString(received.ToArray()));
    }

    private static bool IsComplete(byte[] data)
    {
        var text = Encoding.ASCII.GetString(data);
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0)
        {
            return false;
        }

        var headers = Headers(text[..end]);
        if (headers.TryGetValue("transfer-encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            return text.EndsWith("0\r\n\r\n", StringComparison.Ordinal);
        }

        return headers.TryGetValue("content-length", out var length) && data.Length >= end + 4 + int.Parse(length, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static Answer Parse(string text)
    {
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.True(end > 0, "No HTTP answer: " + text);
        var head = text[..end];
        var status = int.Parse(head.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var headers = Headers(head);
        var body = text[(end + 4)..];
        if (headers.TryGetValue("transfer-encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            body = Unchunk(body);
        }

        return new Answer(status, headers, body, text);
    }

    private static string Unchunk(string chunked)
    {
        var body = new StringBuilder();
        var at = 0;
        while (true)
        {
            var lineEnd = chunked.IndexOf("\r\n", at, StringComparison.Ordinal);
            var size = Convert.ToInt32(chunked[at..lineEnd], 16);
            if (size == 0)
            {
                return body.ToString();
            }

            body.Append(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }

    private static Dictionary<string, string> Headers(string head) =>
        head.Split("\r\n").Skip(1)
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2)
            .GroupBy(parts => parts[0].Trim().ToLowerInvariant())
            .ToDictionary(g => g.Key, g => g.First()[1].Trim());
}
