using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Hosting;
using Rides.Edge.Tests.Client;
using Rides.Grains.Rides;

namespace Rides.Edge.Tests.Cluster;

/// <summary>
/// A real cluster of separate processes started by <c>deploy/local-cluster.sh up --silos 3 --edges 2</c>: its own
/// PostgreSQL, three silo processes and two edge processes of the built <c>Rides.Silo.dll</c>, on loopback ports.
/// The test drives the script for kills and restarts, talks to the edges over real HTTP and SignalR, and asks the
/// cluster (as an Orleans client, through the silos' gateways) which silo hosts a ride. Disposing runs
/// <c>down</c>, which stops everything the script started, also after a failed test.
/// </summary>
public sealed class LocalCluster : IAsyncLifetime
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(4);
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "rides-cluster-test-" + Guid.NewGuid().ToString("N")[..8]);
    private List<ClusterProcess> _processes = [];
    private IHost? _client;

    /// <summary>The shared development signing key of the edges (tokens minted with it are accepted by all).</summary>
    public string SigningKey { get; private set; } = "";

    /// <summary>The database the cluster meets in.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>An Orleans client of the cluster, for questions only a test asks (where a grain lives).</summary>
    public IClusterClient Orleans => _client!.Services.GetRequiredService<IClusterClient>();

    /// <summary>The base address of edge <paramref name="index"/> (1-based).</summary>
    public Uri Edge(int index) => new(Process("edge", index).Url + "/");

    /// <summary>Silo <paramref name="index"/> (1-based).</summary>
    public ClusterProcess Silo(int index) => Process("silo", index);

    /// <summary>How many silos the cluster has.</summary>
    public int SiloCount => _processes.Count(p => p.Kind == "silo");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Rides.Silo.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing: build tests/Edge.Tests, which references src/Silo.");
        try
        {
            await ScriptAsync("up", "--silos", "3", "--edges", "2").ConfigureAwait(false);
            ReadState();
            _client = Host.CreateDefaultBuilder()
                .UseOrleansClient(client => client
                    .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = ("rides", "rides"))
                    .UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = ("Npgsql", ConnectionString)))
                .ConfigureLogging(logging => logging.SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Warning))
                .Build();
            await _client.StartAsync().WaitAsync(TimeSpan.FromSeconds(60)).ConfigureAwait(false);
        }
        catch
        {
            await DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.StopAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
            _client.Dispose();
            _client = null;
        }

        await ScriptAsync("down").ConfigureAwait(false);
    }

    /// <summary><c>kill silo N</c> (SIGKILL), <c>start edge N</c>, <c>stop postgres</c>, …; returns the script's output.</summary>
    public async Task<string> ScriptAsync(params string[] arguments)
    {
        var info = new ProcessStartInfo("bash") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        info.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, "deploy", "local-cluster.sh"));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["RIDES_CLUSTER_DIR"] = _dir;
        info.Environment["RIDES_SILO_DLL"] = Path.Combine(AppContext.BaseDirectory, "Rides.Silo.dll");
        info.Environment.Remove("ConnectionStrings__Rides");
        using var process = System.Diagnostics.Process.Start(info)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(ScriptTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"local-cluster.sh {string.Join(' ', arguments)} did not finish within {ScriptTimeout.TotalMinutes} min.");
        }

        var output = (await stdout.ConfigureAwait(false)) + (await stderr.ConfigureAwait(false));
        Assert.True(process.ExitCode == 0, $"local-cluster.sh {string.Join(' ', arguments)} exited {process.ExitCode}:\n{output}\n{Logs()}");
        return output;
    }

    /// <summary>Starts again every process a previous test left stopped, so each test begins with the whole cluster.</summary>
    public async Task EnsureAllRunningAsync()
    {
        var status = await ScriptAsync("status").ConfigureAwait(false);
        foreach (var line in status.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split(' ');
            if (parts is [var kind and ("silo" or "edge"), var index, ..] && line.Contains(" stopped", StringComparison.Ordinal))
            {
                await ScriptAsync("start", kind, index).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The last lines of every process's log, for failure messages.</summary>
    public string Logs()
    {
        var logs = Path.Combine(_dir, "logs");
        if (!Directory.Exists(logs))
        {
            return "";
        }

        return string.Join("\n", Directory.GetFiles(logs).Order().Select(f => $"--- {Path.GetFileName(f)}\n" + string.Join("\n", File.ReadLines(f).TakeLast(15))));
    }

    /// <summary>A token for <paramref name="userId"/> of <paramref name="role"/>, accepted by every edge.</summary>
    public string Token(string userId, string role) => TestTokens.For(userId, role, userId, signingKey: SigningKey);

    /// <summary>Connects a new user of <paramref name="role"/> to edge <paramref name="edge"/>.</summary>
    public async Task<TestUser> ConnectNewAsync(int edge, string role)
    {
        var id = TestIds.New(role);
        var token = Token(id, role);
        var hub = await HubTestClient.ConnectAsync(Edge(edge), token).WaitAsync(TestTimeouts.Event).ConfigureAwait(false);
        return new TestUser(id, role, token, hub);
    }

    /// <summary>A REST call to edge <paramref name="edge"/>.</summary>
    public async Task<RestAnswer> SendAsync(int edge, HttpMethod method, string path, string? token, JsonNode? body = null, TimeSpan? timeout = null)
    {
        using var http = new HttpClient { BaseAddress = Edge(edge), Timeout = timeout ?? TestTimeouts.Server };
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await http.SendAsync(request).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        var json = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return new RestAnswer((int)response.StatusCode, json, text);
    }

    /// <summary>The index of the silo that hosts ride <paramref name="rideId"/> now (activating it if need be).</summary>
    public async Task<int> SiloOfRideAsync(string rideId)
    {
        var address = await Orleans.GetGrain<IManagementGrain>(0).GetActivationAddress(Orleans.GetGrain<IRideGrain>(rideId)).ConfigureAwait(false);
        Assert.NotNull(address);
        var silo = _processes.FirstOrDefault(p => p.Kind == "silo" && p.SiloPort == address!.Endpoint.Port);
        Assert.True(silo is not null, $"No silo of the cluster listens on {address}.");
        return silo!.Index;
    }

    private ClusterProcess Process(string kind, int index) =>
        _processes.Single(p => p.Kind == kind && p.Index == index);

    private void ReadState()
    {
        using var state = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "state.json")));
        ConnectionString = state.RootElement.GetProperty("connection_string").GetString()!;
        _processes = [.. state.RootElement.GetProperty("processes").EnumerateArray().Select(p => new ClusterProcess(
            p.GetProperty("kind").GetString()!,
            p.GetProperty("index").GetInt32(),
            p.GetProperty("url").GetString()!,
            p.GetProperty("silo_port").GetInt32()))];
        SigningKey = File.ReadAllText(Path.Combine(_dir, "signing-key")).Trim();
    }
}

/// <summary>One process of the cluster as state.json lists it.</summary>
/// <param name="Kind">silo or edge.</param>
/// <param name="Index">1-based.</param>
/// <param name="Url">Its HTTP base address.</param>
/// <param name="SiloPort">Its silo-to-silo port (0 for edges).</param>
public sealed record ClusterProcess(string Kind, int Index, string Url, int SiloPort);
