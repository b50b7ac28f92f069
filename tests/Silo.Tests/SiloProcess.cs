using System.Diagnostics;
using System.Globalization;
using System.Text;
using Rides.TestInfrastructure;

namespace Rides.Silo.Tests;

/// <summary>
/// The silo host as a real process (<c>dotnet Rides.Silo.dll</c>) on loopback ports, so a test can
/// <c>kill -9</c> it. Its output is kept for failure messages; disposing kills it if it still runs.
/// </summary>
internal sealed class SiloProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SiloProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Arguments for one silo: its ports, its cluster and the given extra settings.</summary>
    public static List<string> Arguments(int httpPort, int siloPort, int gatewayPort, params string[] settings) =>
    [
        "--urls=http://127.0.0.1:" + httpPort.ToString(CultureInfo.InvariantCulture),
        "--Rides:Silo:SiloPort=" + siloPort.ToString(CultureInfo.InvariantCulture),
        "--Rides:Silo:GatewayPort=" + gatewayPort.ToString(CultureInfo.InvariantCulture),
        "--Logging:LogLevel:Default=Warning",

        // The host's "Application started." line is the signal that the silo and Kestrel are up.
        "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information",
        .. settings,
    ];

    /// <summary>Starts the process and waits until /health/ready answers 200.</summary>
    public static async Task<SiloProcess> StartAsync(IReadOnlyList<string> arguments)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Rides.Silo.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing: build tests/Silo.Tests, which references src/Silo.");
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var url = arguments.Single(a => a.StartsWith("--urls=", StringComparison.Ordinal))["--urls=".Length..];
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
        var silo = new SiloProcess(process, new Uri(url));
        process.OutputDataReceived += (_, e) => silo.Append(e.Data);
        process.ErrorDataReceived += (_, e) => silo.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await silo.WaitUntilReadyAsync();
        }
        catch
        {
            await silo.DisposeAsync();
            throw;
        }

        return silo;
    }

    /// <summary>SIGKILL: no shutdown, no goodbye to the cluster, nothing flushed.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (line.Contains("Application started", StringComparison.Ordinal))
        {
            _started.TrySetResult();
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        var exited = _process.WaitForExitAsync();
        var first = await Task.WhenAny(_started.Task, exited).WaitAsync(StartTimeout).ConfigureAwait(false);
        if (first == exited)
        {
            throw new InvalidOperationException($"The silo exited with {_process.ExitCode} before it started:\n{Output}");
        }

        // Started means every hosted service ran, the silo among them: readiness must answer now.
        using var response = await Http.GetAsync("/health/ready");
        if ((int)response.StatusCode != 200)
        {
            throw new InvalidOperationException($"The silo started but /health/ready answered {(int)response.StatusCode}:\n{Output}");
        }
    }
}
