using System.Diagnostics;
using System.Globalization;
using Xunit.Abstractions;

namespace Rides.Edge.Tests.JavaScript;

/// <summary>The whole ride with the official SignalR JavaScript client (<c>@microsoft/signalr</c>) in Node.</summary>
public sealed class JavaScriptClientTests(EdgeServerFixture fixture, ITestOutputHelper output) : IClassFixture<EdgeServerFixture>
{
    [Fact]
    public async Task The_official_javascript_client_drives_a_whole_ride()
    {
        var script = Path.Combine(RepositoryPaths.JavaScriptTests, "full-flow.js");
        Assert.True(
            Directory.Exists(Path.Combine(RepositoryPaths.JavaScriptTests, "node_modules", "@microsoft", "signalr")),
            "The JavaScript client is not installed: the build runs npm ci in tests/Edge.Tests/js unless built with -p:RidesNpmCi=false; run it there by hand");

        var area = TestArea.Next();
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepositoryPaths.JavaScriptTests,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(fixture.Server.BaseAddress.ToString());
        start.ArgumentList.Add(area.Latitude.ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add(area.Longitude.ToString(CultureInfo.InvariantCulture));

        using var node = StartNode(start);
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        try
        {
            await node.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(150));
        }
        catch (TimeoutException)
        {
            node.Kill(entireProcessTree: true);
            throw;
        }

        var text = await stdout.WaitAsync(TestTimeouts.Event);
        var errors = await stderr.WaitAsync(TestTimeouts.Event);
        output.WriteLine(text);
        output.WriteLine(errors);
        Assert.True(node.ExitCode == 0, $"node exited with {node.ExitCode}: {errors}{text}");
        var lines = text.Trim().Split('\n').Select(line => line.Trim()).ToArray();
        Assert.StartsWith("FLOW OK ride=ride_", lines[^1]);
        Assert.EndsWith("seqs=2,3,4,5", lines[^1]);

        // Each step is printed, and the driver drove at a believable speed: the trip of 300 m took about 24 s.
        Assert.Contains(lines, line => line.Contains("driver: drove the trip, 300 m at 12.5 m/s", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("driver: completed; fare ", StringComparison.Ordinal));
        Assert.True(lines.Length >= 14, text);
    }

    private static Process StartNode(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException("node (Node.js 18 or later) is not on PATH; install it to run the JavaScript client test.", exception);
        }
    }
}
