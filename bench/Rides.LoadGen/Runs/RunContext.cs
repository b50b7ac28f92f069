using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.SignalR.Client;
using Rides.LoadGen.Baseline;
using Rides.LoadGen.Hosting;
using Rides.LoadGen.Measurement;
using Rides.LoadGen.Reporting;

namespace Rides.LoadGen.Runs;

/// <summary>What every scenario gets: the options, the report it fills, progress output, the output directory.</summary>
public sealed class RunContext(LoadGenOptions options, RunReport report, TextWriter log, string outDirectory) : IDisposable
{
    /// <summary>The options.</summary>
    public LoadGenOptions Options { get; } = options;

    /// <summary>The report the scenario fills.</summary>
    public RunReport Report { get; } = report;

    /// <summary>Progress lines.</summary>
    public TextWriter Log { get; } = log;

    /// <summary>Where results and logs go.</summary>
    public string OutDirectory { get; } = outDirectory;

    /// <summary>Makes this run's user and ride ids unique (targets with PostgreSQL may keep state of earlier runs).</summary>
    public string Tag { get; } = Guid.NewGuid().ToString("N")[..6];

    /// <summary>For REST calls.</summary>
    public HttpClient Http { get; } = new(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>Writes a progress line with the time since the start.</summary>
    public void Progress(string line) => Log.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {line}");

    /// <summary>Starts the target named by the options and records its processes.</summary>
    public async Task<PlatformTarget> StartTargetAsync(CancellationToken cancellationToken)
    {
        var target = await PlatformTarget.StartAsync(Options.Target, Options, OutDirectory, Log, cancellationToken).ConfigureAwait(false);
        Report.Processes.AddRange(target.Processes.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Role} pid {p.Pid} {p.Url}")));
        return target;
    }

    /// <summary>Starts the bare relay (this program, <c>serve-relay</c>) and returns it with its address.</summary>
    public async Task<(ChildProcess Process, ServerProcess Server)> StartRelayAsync(CancellationToken cancellationToken)
    {
        var relay = SelfProcess.Start("relay", ["serve-relay"], Path.Combine(OutDirectory, "relay.log"));
        try
        {
            var line = await relay.WaitForLineAsync(l => l.StartsWith(RelayServer.ReadyPrefix, StringComparison.Ordinal), TimeSpan.FromSeconds(60), cancellationToken).ConfigureAwait(false);
            var server = new ServerProcess("relay", relay.Id, new Uri(line[RelayServer.ReadyPrefix.Length..]));
            Progress($"relay pid {relay.Id} at {server.Url}");
            Report.Processes.Add(string.Create(CultureInfo.InvariantCulture, $"relay pid {relay.Id} {server.Url}"));
            return (relay, server);
        }
        catch
        {
            await relay.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Adds the resident memory and open files of <paramref name="processes"/> to the report, and returns their sum.</summary>
    public ProcessMemory RecordMemory(string when, IEnumerable<ServerProcess> processes)
    {
        var list = processes.ToArray();
        foreach (var p in list)
        {
            var m = ProcessMemory.Of(p.Pid);
            Report.Figure($"{p.Role} RSS {when}", m.RssMiB, "MiB");
        }

        return ProcessMemory.Sum(list.Select(p => p.Pid));
    }

    /// <summary>Disposes <paramref name="connections"/>, all at once.</summary>
    public static async Task DisposeAllAsync(IEnumerable<HubConnection> connections) =>
        await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask())).ConfigureAwait(false);

    /// <summary>A bag for connections opened concurrently.</summary>
    public static ConcurrentBag<HubConnection> NewBag() => [];

    /// <inheritdoc />
    public void Dispose() => Http.Dispose();
}
