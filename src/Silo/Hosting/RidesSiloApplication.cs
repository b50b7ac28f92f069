using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Rides.Edge;
using Rides.Silo.Dashboard;

namespace Rides.Silo.Hosting;

/// <summary>
/// The host in its three roles (<see cref="HostRole"/>): both (the embedded default, a silo with the ride grains
/// and the edge in one process), silo (grains, health and the dashboard), edge (every client protocol, as an
/// Orleans client). Program.cs and the host tests build the application here, so both run the same composition.
/// </summary>
public static class RidesSiloApplication
{
    /// <summary>Builds the application from command-line <paramref name="args"/> and configuration.</summary>
    /// <param name="args">Command-line arguments (<c>--urls</c>, <c>--ConnectionStrings:Rides=…</c>, <c>--Rides:Role=edge</c>, …).</param>
    /// <param name="configure">Last-minute changes to the builder (tests use it for logging and services).</param>
    /// <exception cref="InvalidOperationException">The role is unknown, or a silo or edge role has no database to meet the cluster in.</exception>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // appsettings.json sits beside the binaries, so the host finds it from any working directory
        // (`dotnet run --project src/Silo` from the repository root, a test runner, a service manager).
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        var role = HostRoles.Read(builder.Configuration);
        var connectionString = builder.Configuration.GetConnectionString(SiloHostBuilderExtensions.ConnectionStringName);
        if (role != HostRole.Both && string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"The {HostRoles.Name(role)} role needs ConnectionStrings:Rides: silos and edge nodes find each other in PostgreSQL. Run without {HostRoles.ConfigurationKey} for the embedded default.");
        }

        builder.Services.AddSingleton(new HostRoleInfo(role));
        switch (role)
        {
            case HostRole.Silo:
                builder.AddRidesSiloHost();
                builder.Services.AddRidesAuthentication(builder.Configuration); // the dashboard checks an operator's token
                break;
            case HostRole.Edge:
                builder.AddRidesClusterClient(connectionString!);
                builder.AddRidesEdge();
                break;
            default:
                builder.AddRidesSiloHost();
                builder.AddRidesEdge();
                break;
        }

        configure?.Invoke(builder);

        var app = builder.Build();
        HostRoleLog.Register(app, role);
        if (role == HostRole.Silo)
        {
            app.MapRidesHealth();
        }
        else
        {
            app.MapRidesEdge();
        }

        if (role != HostRole.Edge)
        {
            app.MapRidesDashboard();
        }

        return app;
    }
}

/// <summary>The role this process runs in.</summary>
/// <param name="Role">The role.</param>
public sealed record HostRoleInfo(HostRole Role);
