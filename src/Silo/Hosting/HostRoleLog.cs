using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Rides.Silo.Hosting;

/// <summary>Says at start-up which role this process runs and what that means.</summary>
internal static partial class HostRoleLog
{
    public static void Register(WebApplication app, HostRole role)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Rides.Silo.Hosting");
        var what = role switch
        {
            HostRole.Silo => "grains, health and the dashboard; no client protocol",
            HostRole.Edge => "the client protocols, as an Orleans client of the silos in ConnectionStrings:Rides; no grains",
            _ => "a silo and the edge in one process",
        };
        app.Lifetime.ApplicationStarted.Register(() => LogRole(logger, HostRoles.Name(role), what));
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Host role: {Role} ({What})")]
    private static partial void LogRole(ILogger logger, string role, string what);
}
