using System.Diagnostics;
using System.Net;

namespace Rides.LoadGen.Hosting;

/// <summary>
/// The platform under load, in processes of its own (never in the load generator's): one host in the embedded
/// default or on PostgreSQL (<see cref="SiloTarget"/>), or the local cluster (<see cref="ClusterTarget"/>).
/// </summary>
public abstract class PlatformTarget : IAsyncDisposable
{
    /// <summary><c>embedded</c>, <c>postgres</c> or <c>cluster</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Every process of the platform (PostgreSQL excluded).</summary>
    public IReadOnlyList<ServerProcess> Processes { get; protected set; } = [];

    /// <summary>The addresses clients connect to (the host, or every edge), each ending in <c>/</c>.</summary>
    public IReadOnlyList<Uri> Edges => [.. Processes.Where(p => p.IsEdge).Select(p => p.Url)];

    /// <summary>A process that serves the Orleans Dashboard (the host, or the first silo).</summary>
    public Uri DashboardHost => Processes.First(p => p.IsSilo).Url;

    /// <summary>The PostgreSQL the platform keeps its state in; null in the embedded default.</summary>
    public string? ConnectionString { get; protected set; }

    /// <summary>The prefix of this process's variables that are passed, without it, to the host processes alone.</summary>
    internal const string HostVariablePrefix = "RIDES_HOST_";

    /// <summary>
    /// Adds this process's <c>RIDES_HOST_&lt;NAME&gt;</c> variables to <paramref name="environment"/> as <c>&lt;NAME&gt;</c>:
    /// a runtime setting tried on the platform's hosts and not on the relay, the holders or the load generator.
    /// </summary>
    internal static Dictionary<string, string?> WithHostVariables(Dictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        foreach (System.Collections.DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            if (variable.Key is string name && name.Length > HostVariablePrefix.Length && name.StartsWith(HostVariablePrefix, StringComparison.Ordinal))
            {
                environment[name[HostVariablePrefix.Length..]] = variable.Value as string;
            }
        }

        return environment;
    }

    /// <summary>Starts <paramref name="name"/> (<c>embedded</c>, <c>postgres</c>, <c>cluster</c>) and waits until it is ready.</summary>
    public static async Task<PlatformTarget> StartAsync(string name, LoadGenOptions options, string logDirectory, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var dll = await Repository.SiloDllAsync(options.SiloDll, log, cancellationToken).ConfigureAwait(false);
        return name switch
        {
            "embedded" => await SiloTarget.StartAsync(dll, postgres: false, logDirectory, log, cancellationToken).ConfigureAwait(false),
            "postgres" => await SiloTarget.StartAsync(dll, postgres: true, logDirectory, log, cancellationToken).ConfigureAwait(false),
            "cluster" => await ClusterTarget.StartAsync(dll, options.Silos, options.Edges, logDirectory, log, cancellationToken).ConfigureAwait(false),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "embedded, postgres or cluster"),
        };
    }

    /// <inheritdoc />
    public abstract ValueTask DisposeAsync();

    /// <summary>Polls <c>/health/ready</c> of <paramref name="server"/> until it answers 200.</summary>
    internal static async Task WaitReadyAsync(Uri server, ChildProcess? process, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (process is { HasExited: true })
            {
                throw new InvalidOperationException($"{process.Name} exited while starting; see {process.LogPath}.");
            }

            try
            {
                using var answer = await http.GetAsync(new Uri(server, "health/ready"), cancellationToken).ConfigureAwait(false);
                if (answer.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            await Task.Delay(250, cancellationToken).ConfigureAwait(false);
        }

        throw new TimeoutException($"{server} was not ready within {timeout.TotalSeconds:F0} s.");
    }
}
