using Microsoft.AspNetCore.Builder;
using Rides.Edge;
using Rides.Silo.Dashboard;

namespace Rides.Silo.Hosting;

/// <summary>
/// The embedded default: one process that runs a silo with the ride grains and the edge. Program.cs and
/// the host tests build the application here, so both run the same composition.
/// </summary>
public static class RidesSiloApplication
{
    /// <summary>Builds the application from command-line <paramref name="args"/> and configuration.</summary>
    /// <param name="args">Command-line arguments (<c>--urls</c>, <c>--ConnectionStrings:Rides=…</c>, …).</param>
    /// <param name="configure">Last-minute changes to the builder (tests use it for logging and services).</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // appsettings.json sits beside the binaries, so the host finds it from any working directory
        // (`dotnet run --project src/Silo` from the repository root, a test runner, a service manager).
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.AddRidesSiloHost();
        builder.AddRidesEdge();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.MapRidesEdge();
        app.MapRidesDashboard();
        return app;
    }
}
