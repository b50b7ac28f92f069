using System.Globalization;
using Microsoft.AspNetCore.SignalR.Client;
using Rides.Edge;
using Rides.LoadGen.Baseline;
using Rides.LoadGen.Scenario;

namespace Rides.LoadGen.Client;

/// <summary>
/// The helper mode <c>Rides.LoadGen hold</c>: opens idle hub connections, round-robin over the given servers, and
/// holds them until its standard input closes. One process can hold only so many (one file descriptor each, and
/// the per-process limit here is 20,000), so the idle and soak scenarios spread their connections over several
/// of these. Rides-hub connections are riders, each its own user with a development token; echo-hub connections
/// are anonymous. It prints <c>held N failed F</c> once all are open, and <c>dropped D</c> (connections the server
/// closed meanwhile) before it exits.
/// </summary>
public static class ConnectionHolder
{
    /// <summary>The prefix of the line printed once every connection was tried.</summary>
    public const string HeldPrefix = "held ";

    /// <summary>The prefix of the line printed after letting go.</summary>
    public const string DroppedPrefix = "dropped ";

    /// <summary>The arguments of a holder holding <paramref name="count"/> connections.</summary>
    public static string[] Arguments(bool echo, IReadOnlyList<Uri> servers, int count, string userPrefix) =>
        ["hold", echo ? "echo" : "rides", string.Join(',', servers), count.ToString(CultureInfo.InvariantCulture), userPrefix];

    /// <summary>Runs the mode with <paramref name="args"/> (after <c>hold</c>): hub, servers, count, user prefix.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var echo = args[0] == "echo";
        var servers = args[1].Split(',').Select(s => new Uri(s)).ToArray();
        var count = int.Parse(args[2], CultureInfo.InvariantCulture);
        var prefix = args[3];
        var connections = new HubConnection?[count];
        var failed = 0;
        var dropped = 0;
        string? firstError = null;
        using var gate = new SemaphoreSlim(32);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var apis = servers.Select(s => new RidesApi(http, s)).ToArray();
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync().ConfigureAwait(false);
            try
            {
                var server = servers[i % servers.Length];
                var token = echo ? null : await apis[i % apis.Length].TokenAsync(string.Create(CultureInfo.InvariantCulture, $"{prefix}-{i}"), "rider", CancellationToken.None).ConfigureAwait(false);
                var connection = await HubConnections.ConnectAsync(server, echo ? EchoHub.Path : EdgeEndpoints.HubPath, token, negotiate: false, CancellationToken.None).ConfigureAwait(false);
                connection.Closed += _ =>
                {
                    Interlocked.Increment(ref dropped);
                    return Task.CompletedTask;
                };
                connections[i] = connection;
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or InvalidOperationException or TimeoutException or TaskCanceledException or System.Net.WebSockets.WebSocketException)
            {
                Interlocked.Increment(ref failed);
                Interlocked.CompareExchange(ref firstError, ex.GetType().Name + ": " + ex.Message, null);
            }
            finally
            {
                gate.Release();
            }
        })).ConfigureAwait(false);
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{HeldPrefix}{count - failed} failed {failed}{(firstError is null ? "" : " first error: " + firstError.ReplaceLineEndings(" "))}"));
        Console.Out.Flush();
        while (await Console.In.ReadLineAsync().ConfigureAwait(false) is not null)
        {
        }

        var droppedWhileHeld = Volatile.Read(ref dropped);
        await Task.WhenAll(connections.Where(c => c is not null).Select(c => c!.DisposeAsync().AsTask())).ConfigureAwait(false);
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{DroppedPrefix}{droppedWhileHeld}"));
        Console.Out.Flush();
        return 0;
    }
}
