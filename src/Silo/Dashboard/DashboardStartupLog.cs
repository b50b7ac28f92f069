using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rides.Silo.Hosting;

namespace Rides.Silo.Dashboard;

/// <summary>Once the server listens, says where the dashboard is, who may open it, and where the silo keeps its state.</summary>
internal static partial class DashboardStartupLog
{
    public static void Register(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Rides.Silo.Dashboard");
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var root = (app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? string.Empty).TrimEnd('/');
            var access = app.Environment.IsDevelopment() ? "open in Development" : "an operator's or admin's token";
            var mode = app.Services.GetService<SiloStorageInfo>()?.Mode switch
            {
                SiloStorageMode.Postgres => "PostgreSQL (ConnectionStrings:Rides)",
                SiloStorageMode.InMemory => "in memory (state is lost when the process stops)",
                _ => "no silo in this process",
            };
            LogDashboard(logger, root + DashboardEndpoints.Path + "/", access, mode);
        });
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Orleans Dashboard: {Dashboard} ({Access}); cluster state: {Mode}")]
    private static partial void LogDashboard(ILogger logger, string dashboard, string access, string mode);
}
