using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rides.Edge.Authentication;

namespace Rides.Edge;

/// <summary>Warns at start-up when the development token issuer is on: anyone can then get any token.</summary>
internal sealed partial class EdgeStartupLogger(IOptions<EdgeAuthenticationOptions> options, ILogger<EdgeStartupLogger> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.DevIssuer.Enabled)
        {
            LogDevIssuerEnabled(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "The development token issuer POST /api/v1/auth/token is enabled: anyone can obtain any token. Disable Rides:Auth:DevIssuer:Enabled outside development")]
    private static partial void LogDevIssuerEnabled(ILogger logger);
}
