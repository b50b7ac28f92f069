using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Rides.Silo.Hosting;

/// <summary>Says once, at start-up, where this silo keeps its state.</summary>
internal sealed partial class SiloStartupLogger(SiloStorageInfo storage, ILogger<SiloStartupLogger> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (storage.Mode == SiloStorageMode.Postgres)
        {
            LogPostgres(logger);
        }
        else
        {
            LogInMemory(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Silo storage: PostgreSQL (grain state, reminders, membership) from ConnectionStrings:Rides")]
    private static partial void LogPostgres(ILogger logger);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Silo storage: in memory; state is lost when the process stops. Set ConnectionStrings:Rides for PostgreSQL")]
    private static partial void LogInMemory(ILogger logger);
}
