using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Rides.Silo.Health;

/// <summary>Ready when the PostgreSQL database that holds state, reminders and membership answers a query.</summary>
internal sealed class PostgresHealthCheck(string connectionString) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("PostgreSQL answers.");
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            // The reason is shown without the connection string, which may hold a password.
            return HealthCheckResult.Unhealthy("PostgreSQL does not answer: " + exception.Message);
        }
    }
}
