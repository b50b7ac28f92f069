using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Rides.LoadGen.Hosting;

/// <summary>
/// The local cluster of <c>deploy/local-cluster.sh</c> (a private PostgreSQL, N silo and M edge processes):
/// <c>up</c> with its state in a directory of this run, the processes read from its <c>state.json</c>, and
/// <c>down</c> at the end, also when this process exits on another path.
/// </summary>
public sealed class ClusterTarget : PlatformTarget
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(4);
    private readonly Dictionary<string, string?> _environment;
    private readonly string _logDirectory;
    private int _down;

    private ClusterTarget(Dictionary<string, string?> environment, string logDirectory)
    {
        _environment = environment;
        _logDirectory = logDirectory;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Down(TimeSpan.FromSeconds(20));
    }

    /// <inheritdoc />
    public override string Name => "cluster";

    /// <summary>Runs <c>up --silos <paramref name="silos"/> --edges <paramref name="edges"/></c> and reads the state.</summary>
    public static async Task<ClusterTarget> StartAsync(string dll, int silos, int edges, string logDirectory, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        var state = Path.Combine(Path.GetTempPath(), "rides-loadgen-cluster-" + Guid.NewGuid().ToString("N")[..8]);
        var environment = WithHostVariables(new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["RIDES_CLUSTER_DIR"] = state,
            ["RIDES_SILO_DLL"] = dll,
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Rides__Auth__DevIssuer__TokenLifetime"] = "06:00:00",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
            ["ConnectionStrings__Rides"] = null,
        });
        var target = new ClusterTarget(environment, logDirectory);
        try
        {
            log.WriteLine($"deploy/local-cluster.sh up --silos {silos} --edges {edges}");
            var output = await target.RunAsync(["up", "--silos", silos.ToString(CultureInfo.InvariantCulture), "--edges", edges.ToString(CultureInfo.InvariantCulture)], cancellationToken).ConfigureAwait(false);
            log.Write(output);
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(state, "state.json"), cancellationToken).ConfigureAwait(false));
            target.ConnectionString = json.RootElement.GetProperty("connection_string").GetString();
            target.Processes = [.. json.RootElement.GetProperty("processes").EnumerateArray().Select(p => new ServerProcess(
                p.GetProperty("kind").GetString() + " " + p.GetProperty("index").GetInt32().ToString(CultureInfo.InvariantCulture),
                p.GetProperty("pid").GetInt32(),
                new Uri(p.GetProperty("url").GetString()!.TrimEnd('/') + "/")))];
            if (!target.Processes.Any(p => p.IsEdge))
            {
                throw new InvalidOperationException("The cluster has no edge to connect to (--edges 0).");
            }

            return target;
        }
        catch
        {
            await target.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc />
    public override ValueTask DisposeAsync()
    {
        Down(CommandTimeout);
        return ValueTask.CompletedTask;
    }

    private void Down(TimeSpan timeout)
    {
        if (Interlocked.Exchange(ref _down, 1) == 1)
        {
            return;
        }

        // Keep the processes' logs: down removes the state directory.
        var logs = Path.Combine(_environment["RIDES_CLUSTER_DIR"]!, "logs");
        if (Directory.Exists(logs))
        {
            foreach (var file in Directory.EnumerateFiles(logs))
            {
                File.Copy(file, Path.Combine(_logDirectory, "cluster-" + Path.GetFileName(file)), overwrite: true);
            }
        }

        using var down = Start(["down"]);
        if (!down.WaitForExit(timeout))
        {
            down.Kill(entireProcessTree: true);
        }
    }

    private async Task<string> RunAsync(string[] arguments, CancellationToken cancellationToken)
    {
        using var process = Start(arguments);
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CommandTimeout);
        await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        var output = await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false);
        return process.ExitCode == 0
            ? output
            : throw new InvalidOperationException($"deploy/local-cluster.sh {string.Join(' ', arguments)} exited with {process.ExitCode}: {output}");
    }

    private Process Start(string[] arguments)
    {
        var info = new ProcessStartInfo("bash") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Repository.Root };
        info.ArgumentList.Add(Path.Combine(Repository.Root, "deploy", "local-cluster.sh"));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in _environment)
        {
            if (value is null)
            {
                info.Environment.Remove(key);
            }
            else
            {
                info.Environment[key] = value;
            }
        }

        return Process.Start(info) ?? throw new InvalidOperationException("Could not start deploy/local-cluster.sh.");
    }
}
