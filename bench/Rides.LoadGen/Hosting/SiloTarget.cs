using System.Globalization;
using Rides.TestInfrastructure;

namespace Rides.LoadGen.Hosting;

/// <summary>
/// One host process, <c>dotnet Rides.Silo.dll</c> in its default role (silo and edge together) on free loopback
/// ports: in memory (<c>embedded</c>), or on a fresh schema of a private PostgreSQL server (<c>postgres</c>; the
/// tests' <see cref="PostgresServer.Shared"/>, or <c>RIDES_TEST_PG</c>). Production environment, warnings-only
/// logs, the development token issuer on.
/// </summary>
public sealed class SiloTarget : PlatformTarget
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private readonly ChildProcess _process;
    private readonly string _name;

    private SiloTarget(string name, ChildProcess process, Uri url, string? connectionString)
    {
        _name = name;
        _process = process;
        ConnectionString = connectionString;
        Processes = [new ServerProcess("both", process.Id, url)];
    }

    /// <inheritdoc />
    public override string Name => _name;

    /// <summary>Starts the host and waits until <c>/health/ready</c> answers 200.</summary>
    public static async Task<SiloTarget> StartAsync(string dll, bool postgres, string logDirectory, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        string? connectionString = null;
        if (postgres)
        {
            log.WriteLine("starting a private PostgreSQL server (or using RIDES_TEST_PG)");
            connectionString = await Task.Run(() => PostgresServer.Shared.CreateSchemaAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
        }

        var port = FreePorts.Next();
        var url = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"));
        var environment = HostEnvironment(url, connectionString ?? string.Empty);
        environment["Rides__Silo__SiloPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture);
        environment["Rides__Silo__GatewayPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture);
        var name = postgres ? "postgres" : "embedded";
        var process = ChildProcess.Start("host", "dotnet", [dll], environment, Path.Combine(logDirectory, "host.log"));
        log.WriteLine($"host ({name}) pid {process.Id} at {url}");
        var target = new SiloTarget(name, process, url, connectionString);
        try
        {
            await WaitReadyAsync(url, process, StartTimeout, cancellationToken).ConfigureAwait(false);
            return target;
        }
        catch
        {
            await target.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// The environment every host process of the suite runs with: the suite's settings, then each of this process's
    /// <c>RIDES_HOST_&lt;NAME&gt;</c> variables as <c>&lt;NAME&gt;</c> (<see cref="PlatformTarget.WithHostVariables"/>).
    /// </summary>
    internal static Dictionary<string, string?> HostEnvironment(Uri url, string connectionString) =>
        WithHostVariables(SuiteEnvironment(url, connectionString));

    private static Dictionary<string, string?> SuiteEnvironment(Uri url, string connectionString) => new(StringComparer.Ordinal)
    {
        ["ASPNETCORE_URLS"] = url.GetLeftPart(UriPartial.Authority),
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["DOTNET_ENVIRONMENT"] = "Production",
        ["ConnectionStrings__Rides"] = connectionString,
        ["Rides__Auth__DevIssuer__Enabled"] = "true",
        ["Rides__Auth__DevIssuer__TokenLifetime"] = "06:00:00",
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
    };

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync().ConfigureAwait(false);
        if (ConnectionString is not null && PostgresServer.Shared is { } server)
        {
            try
            {
                await server.DropSchemaAsync(ConnectionString).ConfigureAwait(false);
            }
            catch (Npgsql.NpgsqlException)
            {
                // The server is going away with this process anyway.
            }
        }
    }
}
