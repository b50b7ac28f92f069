using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rides.Edge.Protocol;

namespace Rides.LoadGen.Baseline;

/// <summary>
/// The baseline process (<c>Rides.LoadGen serve-relay</c>): Kestrel with the <see cref="EchoHub"/> alone, on the
/// edge's SignalR options (JSON protocol with the wire conventions, no detailed errors, 64 KiB messages) and
/// server GC, on a free loopback port. It prints <c>relay listening at URL</c> and runs until its standard input
/// closes or it is signalled.
/// </summary>
public static class RelayServer
{
    /// <summary>The line's prefix the parent waits for.</summary>
    public const string ReadyPrefix = "relay listening at ";

    /// <summary>Runs the relay until stopped.</summary>
    public static async Task<int> RunAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = ["--urls=http://127.0.0.1:0"], ContentRootPath = AppContext.BaseDirectory });
        // Echo pairs negotiate (they need their connection ids), and each client's negotiate connection would stay
        // open in keep-alive beside its WebSocket: at 10,000 connections the two reach the process's 20,000 files and
        // Kestrel resets new ones. Closing idle HTTP connections after 2 s leaves one socket per connection, as on the
        // platform, whose clients skip negotiation. Upgraded (WebSocket) connections are not subject to it.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.KeepAliveTimeout = TimeSpan.FromSeconds(2));
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSignalR(hub =>
        {
            hub.EnableDetailedErrors = false;
            hub.MaximumReceiveMessageSize = 64 * 1024;
        }).AddJsonProtocol(json => EdgeJson.Configure(json.PayloadSerializerOptions));
        var app = builder.Build();
        app.MapHub<EchoHub>(EchoHub.Path);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Console.Out.WriteLine(ReadyPrefix + address.TrimEnd('/') + "/");
        Console.Out.Flush();
        var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
        var stdinClosed = Task.Run(() =>
        {
            while (Console.In.ReadLine() is not null)
            {
            }
        });
        await Task.WhenAny(stdinClosed, Task.Delay(Timeout.Infinite, lifetime.ApplicationStopping)).ConfigureAwait(false);
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
        return 0;
    }
}
