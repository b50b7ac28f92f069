using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rides.Edge.Authentication;

namespace Rides.Edge;

/// <summary>
/// Once the server listens, says where everything is (hub, REST, OpenAPI, WebSocket dialects, health) and in
/// which environment; warns when the development token issuer is on, since anyone can then get any token.
/// </summary>
internal sealed partial class EdgeStartupLogger(
    IOptions<EdgeAuthenticationOptions> options,
    IHostApplicationLifetime lifetime,
    IHostEnvironment environment,
    IServer server,
    ILogger<EdgeStartupLogger> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(LogSummary);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void LogSummary()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
        var root = (addresses.FirstOrDefault() ?? string.Empty).TrimEnd('/');
        LogListening(logger, string.Join(", ", addresses), environment.EnvironmentName);
        LogHub(logger, root + EdgePaths.Hub);
        LogRest(logger, root + EdgePaths.RestBase, root + EdgePaths.OpenApi);
        LogDialects(logger, string.Join(", ", EdgePaths.WebSocketDialects.Select(path => WebSocketRoot(root) + path)));
        LogHealth(logger, root + EdgePaths.HealthLive, root + EdgePaths.HealthReady);
        if (options.Value.DevIssuer.Enabled)
        {
            LogDevIssuerEnabled(logger, root + EdgePaths.DevTokenIssuer, environment.EnvironmentName);
        }
    }

    private static string WebSocketRoot(string root) =>
        root.StartsWith("https://", StringComparison.Ordinal) ? "wss://" + root["https://".Length..]
        : root.StartsWith("http://", StringComparison.Ordinal) ? "ws://" + root["http://".Length..]
        : root;

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "The development token issuer POST {Issuer} is enabled ({Environment}): anyone can obtain any token. Disable Rides:Auth:DevIssuer:Enabled outside development")]
    private static partial void LogDevIssuerEnabled(ILogger logger, string issuer, string environment);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Rides edge listening on {Addresses} in the {Environment} environment")]
    private static partial void LogListening(ILogger logger, string addresses, string environment);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "SignalR hub: {Hub}")]
    private static partial void LogHub(ILogger logger, string hub);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "REST API: {Rest} (OpenAPI document: {OpenApi})")]
    private static partial void LogRest(ILogger logger, string rest, string openApi);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Plain-WebSocket dialects (seeds 001-004): {Dialects}")]
    private static partial void LogDialects(ILogger logger, string dialects);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "Health: {Live} and {Ready}")]
    private static partial void LogHealth(ILogger logger, string live, string ready);
}
