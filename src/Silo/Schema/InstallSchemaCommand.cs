using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Npgsql;
using Rides.Silo.Hosting;

namespace Rides.Silo.Schema;

/// <summary>
/// <c>Rides.Silo install-schema --ConnectionStrings:Rides=…</c>: installs or upgrades the PostgreSQL schema
/// and exits, for deployments whose silos run with <c>Rides:Silo:InstallSchemaOnStart=false</c>.
/// </summary>
public static class InstallSchemaCommand
{
    /// <summary>The command's name, the first argument.</summary>
    public const string Name = "install-schema";

    /// <summary>Runs the command; returns the process exit code (0 installed, 2 no connection string, 1 failed).</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddCommandLine(args.Skip(1).ToArray())
            .Build();
        using var loggers = LoggerFactory.Create(logging => logging.AddSimpleConsole(console => console.SingleLine = true));
        var logger = loggers.CreateLogger(typeof(InstallSchemaCommand));
        var connectionString = configuration.GetConnectionString(SiloHostBuilderExtensions.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            await Console.Error.WriteLineAsync($"{Name}: set ConnectionStrings:Rides (argument --ConnectionStrings:Rides=… or variable ConnectionStrings__Rides).").ConfigureAwait(false);
            return 2;
        }

        try
        {
            await using var dataSource = NpgsqlDataSource.Create(connectionString);
            await PostgresSchemaInstaller.InstallAsync(dataSource, logger).ConfigureAwait(false);
            return 0;
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync($"{Name}: {exception.Message}").ConfigureAwait(false);
            return 1;
        }
    }
}
