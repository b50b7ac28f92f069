using System.Net.WebSockets;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rides.Edge.Authentication;
using Rides.Edge.Operations;
using Rides.Edge.Protocol;
using Rides.Edge.Subscriptions;
using Rides.Grains;
using Rides.Grains.Errors;

namespace Rides.Edge.Sockets;

/// <summary>Authenticates a dialect's upgrade request, accepts the WebSocket with the keep-alive settings and runs its session.</summary>
internal sealed partial class SocketHost(
    AccessTokenValidator tokens,
    IOptions<SocketOptions> options,
    RideOperations rides,
    DriverOperations drivers,
    ConnectionSubscriptionRegistry registry,
    TimeProvider time,
    ILoggerFactory loggers)
{
    private readonly ILogger _logger = loggers.CreateLogger("Rides.Edge.Sockets.SocketSession");

    public async Task RunAsync<TTranslator>(HttpContext http, SocketDialectOptions dialect)
        where TTranslator : SocketTranslator
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            await http.Response.WriteAsJsonAsync(
                HubResponse.Error(ErrorCodes.ValidationFailed, "This endpoint speaks WebSocket only.", "send a WebSocket upgrade request"),
                http.RequestAborted).ConfigureAwait(false);
            return;
        }

        var (token, subProtocol) = SocketTokens.Read(http);
        var validated = token is null ? null : await tokens.ValidateTokenAsync(token).ConfigureAwait(false);
        var caller = validated?.Caller;
        var settings = options.Value;
        if (caller is null && dialect.Unauthenticated == SocketUnauthenticated.RefuseUpgrade)
        {
            LogRefused(_logger, dialect.Name, validated is null ? 401 : 403);
            await RefuseAsync(
                http,
                dialect,
                validated is null ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden,
                validated is null
                    ? new SocketError(EdgeErrorCodes.Unauthenticated, "A valid access token is required.", null, null)
                    : new SocketError(ErrorCodes.Forbidden, "The token carries no user id or no known role.", null, null)).ConfigureAwait(false);
            return;
        }

        if (caller is not null && dialect.AllowedRoles is { } allowed && !allowed.Contains(caller.Role))
        {
            LogRoleRefused(_logger, dialect.Name, UserRoleNames.ToWire(caller.Role));
            var roles = string.Join(", ", allowed.Select(UserRoleNames.ToWire).Order(StringComparer.Ordinal));
            await RefuseAsync(
                http,
                dialect,
                StatusCodes.Status403Forbidden,
                new SocketError(ErrorCodes.Forbidden, $"This endpoint is for {roles} tokens only.", $"This token's role is {UserRoleNames.ToWire(caller.Role)}.", null)).ConfigureAwait(false);
            return;
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            SubProtocol = subProtocol,
            KeepAliveInterval = settings.KeepAliveInterval,
            KeepAliveTimeout = settings.KeepAliveTimeout,
        }).ConfigureAwait(false);

        if (caller is null)
        {
            LogRefused(_logger, dialect.Name, 1008);
            await CloseRefusedAsync(socket, settings.CloseTimeout).ConfigureAwait(false);
            return;
        }

        var session = new SocketSession(
            dialect.Name + "_" + Guid.NewGuid().ToString("N"),
            caller,
            validated!.ExpiresAt,
            http,
            socket,
            dialect,
            settings,
            rides,
            drivers,
            registry,
            time,
            _logger);
        var translator = ActivatorUtilities.CreateInstance<TTranslator>(http.RequestServices, session);
        await session.RunAsync(translator, http.RequestAborted).ConfigureAwait(false);
    }

    private static async Task RefuseAsync(HttpContext http, SocketDialectOptions dialect, int status, SocketError refusal)
    {
        http.Response.StatusCode = status;
        if (status == StatusCodes.Status401Unauthorized)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
        }

        var body = dialect.RefusalBody?.Invoke(refusal) ?? HubResponse.Error(refusal.Code, refusal.Message, refusal.Detail);
        await http.Response.WriteAsJsonAsync(body, body.GetType(), dialect.RefusalBody is null ? (System.Text.Json.JsonSerializerOptions?)null : dialect.Json, contentType: null, http.RequestAborted).ConfigureAwait(false);
    }

    private static async Task CloseRefusedAsync(WebSocket socket, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await socket.CloseAsync(WebSocketCloseStatus.PolicyViolation, "A valid access token is required.", deadline.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            socket.Abort();
        }
    }

    [LoggerMessage(EventId = 510, Level = LogLevel.Debug, Message = "{Dialect} connection refused ({Status}): no valid token")]
    private static partial void LogRefused(ILogger logger, string dialect, int status);

    [LoggerMessage(EventId = 511, Level = LogLevel.Debug, Message = "{Dialect} connection refused (403): role {Role} may not use this endpoint")]
    private static partial void LogRoleRefused(ILogger logger, string dialect, string role);
}
