using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Logging;
using Rides.Edge.Authentication;
using Rides.Edge.Protocol;

namespace Rides.Edge.Hubs;

/// <summary>
/// Closes a hub connection when its token expires with a SignalR Close message that says why,
/// <c>{"type":7,"error":"UNAUTHENTICATED: The access token expired. …"}</c>: SignalR's own
/// <c>CloseOnAuthenticationExpiration</c> (kept as the backstop) ends the transport without a Close message, so a
/// client could not tell an expiry from a network drop. The dialects do the same with 1008 "The access token expired.".
/// </summary>
internal sealed partial class HubTokenExpiry(TimeProvider time, ILogger<HubTokenExpiry> logger)
{
    /// <summary>The Close message's error.</summary>
    public const string CloseError = EdgeErrorCodes.Unauthenticated + ": The access token expired. Reconnect with a fresh token.";

    private static readonly TimeSpan MaxTimerDue = TimeSpan.FromDays(30);
    private readonly ConcurrentDictionary<string, ITimer> _timers = new(StringComparer.Ordinal);

    /// <summary>Schedules the close of <paramref name="connection"/> at its token's expiry (if the token has one).</summary>
    public void Track(HubConnectionContext connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (ExpiresAt(connection) is not { } expiresAt)
        {
            return;
        }

        var due = expiresAt - time.GetUtcNow();
        due = due < TimeSpan.Zero ? TimeSpan.Zero : due > MaxTimerDue ? MaxTimerDue : due;
        var timer = time.CreateTimer(_ => _ = CloseAsync(connection), null, due, Timeout.InfiniteTimeSpan);
        if (!_timers.TryAdd(connection.ConnectionId, timer))
        {
            timer.Dispose();
        }
    }

    /// <summary>Drops the schedule of a connection that closed.</summary>
    public void Forget(string connectionId)
    {
        if (_timers.TryRemove(connectionId, out var timer))
        {
            timer.Dispose();
        }
    }

    private async Task CloseAsync(HubConnectionContext connection)
    {
        LogExpired(logger, connection.ConnectionId);
        try
        {
            await connection.WriteAsync(new CloseMessage(CloseError, allowReconnect: false)).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or InvalidOperationException or IOException)
        {
            // Already closing: the abort below ends it all the same.
        }

        connection.Abort();
    }

    private static DateTimeOffset? ExpiresAt(HubConnectionContext connection)
    {
        // What JwtBearer validated (the authentication properties), else the token's exp claim.
        var properties = connection.GetHttpContext()?.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult?.Properties;
        if (properties?.ExpiresUtc is { } expires)
        {
            return expires;
        }

        var exp = connection.User?.FindFirst(EdgeClaimTypes.Expires)?.Value;
        return long.TryParse(exp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
    }

    [LoggerMessage(EventId = 211, Level = LogLevel.Information, Message = "Hub connection {ConnectionId} closed: its access token expired")]
    private static partial void LogExpired(ILogger logger, string connectionId);
}

/// <summary>SignalR's in-memory lifetime manager for the rides hub, telling <see cref="HubTokenExpiry"/> of each connection.</summary>
internal sealed class RidesHubLifetimeManager(ILogger<DefaultHubLifetimeManager<RidesHub>> logger, HubTokenExpiry expiry) : DefaultHubLifetimeManager<RidesHub>(logger)
{
    /// <inheritdoc />
    public override Task OnConnectedAsync(HubConnectionContext connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        expiry.Track(connection);
        return base.OnConnectedAsync(connection);
    }

    /// <inheritdoc />
    public override Task OnDisconnectedAsync(HubConnectionContext connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        expiry.Forget(connection.ConnectionId);
        return base.OnDisconnectedAsync(connection);
    }
}
