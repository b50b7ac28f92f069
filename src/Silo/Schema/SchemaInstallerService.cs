using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Rides.Silo.Schema;

/// <summary>Installs the PostgreSQL schema at start, before the silo's providers read their queries.</summary>
internal sealed class SchemaInstallerService(string connectionString, ILogger<SchemaInstallerService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await PostgresSchemaInstaller.EnsureInstalledAsync(dataSource, logger, cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
