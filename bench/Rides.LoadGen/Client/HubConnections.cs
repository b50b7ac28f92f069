using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Rides.Edge.Protocol;

namespace Rides.LoadGen.Client;

/// <summary>
/// Opens the load generator's connections with the official SignalR .NET client, the same way for both hubs so
/// the baseline pays what ours pays: WebSockets only (a fallback to server-sent events or long polling would
/// measure another transport), the JSON protocol with the edge's wire conventions, the token through
/// <see cref="HttpConnectionOptions.AccessTokenProvider"/> (the client sends it as a Bearer header).
/// </summary>
public static class HubConnections
{
    /// <summary>Builds a connection to <paramref name="hubPath"/> on <paramref name="server"/> and starts it.</summary>
    /// <param name="server">e.g. <c>http://127.0.0.1:41234/</c>.</param>
    /// <param name="hubPath">The hub's path.</param>
    /// <param name="accessToken">The JWT, or null for an anonymous hub.</param>
    /// <param name="negotiate">
    /// Negotiate first, so <see cref="HubConnection.ConnectionId"/> is known. Without it the WebSocket opens
    /// directly (<see cref="HttpConnectionOptions.SkipNegotiation"/>) and the id stays null; the traffic after
    /// the start is the same either way.
    /// </param>
    /// <param name="cancellationToken">Stops the start.</param>
    public static async Task<HubConnection> ConnectAsync(Uri server, string hubPath, string? accessToken, bool negotiate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(hubPath);
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server, hubPath.TrimStart('/')), HttpTransportType.WebSockets, options =>
            {
                options.SkipNegotiation = !negotiate;
                if (accessToken is not null)
                {
                    options.AccessTokenProvider = () => Task.FromResult<string?>(accessToken);
                }
            })
            .AddJsonProtocol(json => EdgeJson.Configure(json.PayloadSerializerOptions))
            .Build();
        try
        {
            await connection.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return connection;
    }
}
