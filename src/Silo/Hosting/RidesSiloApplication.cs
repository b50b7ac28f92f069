using Microsoft.AspNetCore.Builder;
using Rides.Edge;

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
        var builder = WebApplication.CreateBuilder(args);
        builder.AddRidesSiloHost();
        builder.AddRidesEdge();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.MapRidesEdge();
        return app;
    }
}
