using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Rides.LoadGen.Baseline;
using Rides.Silo.Hosting;

namespace Rides.LoadGen.Hosting;

/// <summary>
/// The embedded default (<see cref="RidesSiloApplication"/>: silo, ride grains, edge, in-memory providers,
/// development token issuer) on a loopback port, plus the baseline <see cref="EchoHub"/> on the same Kestrel.
/// </summary>
public sealed class EmbeddedHost : IAsyncDisposable
{
    private static readonly string[] Arguments =
    [
        "--urls=http://127.0.0.1:0",
        "--ConnectionStrings:Rides=",
        "--Rides:Auth:DevIssuer:Enabled=true",
        "--Logging:LogLevel:Default=Warning",
    ];

    private readonly WebApplication _app;

    private EmbeddedHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Builds and starts the host; only warnings and errors are logged, to the console.</summary>
    public static async Task<EmbeddedHost> StartAsync(CancellationToken cancellationToken)
    {
        var app = RidesSiloApplication.Build(Arguments, builder =>
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        });
        app.MapHub<EchoHub>(EchoHub.Path);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new EmbeddedHost(app, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await _app.StopAsync(timeout.Token).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
