using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Rides.Edge.Sockets;

/// <summary>
/// Where a plain WebSocket's token travels: the <c>token</c> query parameter (the seeds' own clients), an
/// <c>Authorization: Bearer</c> header, or the <c>Sec-WebSocket-Protocol</c> header (seed 004's suggestion,
/// which keeps tokens out of URLs and access logs; browsers cannot set other headers on a WebSocket).
/// In the subprotocol list the token follows a marker (<c>access_token</c>, <c>bearer</c> or <c>token</c>),
/// e.g. <c>new WebSocket(url, ["access_token", token])</c>, or stands alone. The server must answer with one
/// of the offered subprotocols (browsers fail the handshake otherwise): the marker when there is one, else
/// another non-token protocol, else the token itself.
/// </summary>
internal static class SocketTokens
{
    /// <summary>The query parameter the seeds' clients put the token in.</summary>
    public const string QueryParameter = "token";

    private static readonly string[] Markers = ["access_token", "bearer", "token"];

    /// <summary>The token presented, if any, and the subprotocol to answer with (null when none was offered).</summary>
    public static (string? Token, string? SubProtocol) Read(HttpContext http)
    {
        var offered = http.WebSockets.WebSocketRequestedProtocols;
        string? fromProtocol = null;
        string? marker = null;
        for (var i = 0; i < offered.Count; i++)
        {
            if (Markers.Contains(offered[i], StringComparer.OrdinalIgnoreCase))
            {
                marker = offered[i];
                fromProtocol = i + 1 < offered.Count ? offered[i + 1] : null;
                break;
            }
        }

        fromProtocol ??= offered.FirstOrDefault(LooksLikeJwt);
        var answer = marker ?? offered.FirstOrDefault(p => p != fromProtocol) ?? fromProtocol;

        if (http.Request.Query.TryGetValue(QueryParameter, out var query) && !string.IsNullOrEmpty(query))
        {
            return (query.ToString(), answer);
        }

        var header = http.Request.Headers[HeaderNames.Authorization].ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7)
        {
            return (header[7..].Trim(), answer);
        }

        return (fromProtocol, answer);
    }

    private static bool LooksLikeJwt(string value) => value.Count(c => c == '.') == 2 && value.Length > 20;
}
