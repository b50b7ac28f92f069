using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Orleans.Dashboard;
using Rides.Edge.Authentication;

namespace Rides.Silo.Dashboard;

/// <summary>The Orleans Dashboard at <c>/dashboard</c>: open in Development, an operator's or admin's token elsewhere.</summary>
public static class DashboardEndpoints
{
    /// <summary>Where the dashboard is served.</summary>
    public const string Path = "/dashboard";

    /// <summary>Maps the dashboard on <paramref name="app"/>.</summary>
    public static WebApplication MapRidesDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var dashboard = app.MapOrleansDashboard(routePrefix: Path);
        dashboard.ExcludeFromDescription(); // the operator UI is not part of the public API document
        if (app.Environment.IsDevelopment())
        {
            dashboard.AllowAnonymous();
        }
        else
        {
            dashboard.RequireAuthorization(EdgePolicies.ClusterOperators);
        }

        DashboardStartupLog.Register(app);

        return app;
    }
}
