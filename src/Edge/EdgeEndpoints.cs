using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rides.Edge.Authentication;
using Rides.Edge.Dialects.Seed001;
using Rides.Edge.Dialects.Seed002;
using Rides.Edge.Dialects.Seed003;
using Rides.Edge.Dialects.Seed004;
using Rides.Edge.Http;
using Rides.Edge.Sockets;
using Rides.Edge.Hubs;
using Rides.Edge.Rest;

namespace Rides.Edge;

/// <summary>Maps the edge's endpoints: the hub, the plain-WebSocket dialects, the REST API, health, OpenAPI and (when enabled) the development token issuer.</summary>
public static class EdgeEndpoints
{
    /// <summary>The hub's path.</summary>
    public const string HubPath = EdgePaths.Hub;

    /// <summary>The OpenAPI document's name: served at <c>/openapi/v1.json</c>.</summary>
    public const string OpenApiDocument = "v1";

    /// <summary>
    /// Maps the hub at <see cref="HubPath"/>, the dialects of seed 001 (<c>/api/v1/ws/connect</c>), seed 002 (<c>/ws/bookings/</c>, <c>/ws/driver/bookings/</c>, <c>/ws/driver/available_bookings/</c>), seed 003 (<c>/api/websocket/connect</c>) and seed 004 (<c>/ws</c>), <c>/api/v1/…</c>, <c>/health/live</c>, <c>/health/ready</c> and
    /// <c>/openapi/v1.json</c>. With a <see cref="WebApplication"/>, authentication and authorization run
    /// automatically; other hosts call <c>UseAuthentication()</c> and <c>UseAuthorization()</c> first.
    /// </summary>
    public static IEndpointRouteBuilder MapRidesEdge(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapHub<RidesHub>(HubPath, options =>
        {
            options.CloseOnAuthenticationExpiration = true;
            options.Transports = HttpTransportType.WebSockets | HttpTransportType.ServerSentEvents | HttpTransportType.LongPolling;
        }).RequireAuthorization(EdgePolicies.User);

        endpoints.MapSocketDialect<Seed001Translator>(Seed001Translator.Path, Seed001Translator.Dialect);
        endpoints.MapSocketDialect<Seed002BookingsTranslator>(Seed002BookingsTranslator.Path, Seed002BookingsTranslator.Dialect);
        endpoints.MapSocketDialect<Seed002DriverBookingsTranslator>(Seed002DriverBookingsTranslator.Path, Seed002DriverBookingsTranslator.Dialect);
        endpoints.MapSocketDialect<Seed002AvailableBookingsTranslator>(Seed002AvailableBookingsTranslator.Path, Seed002AvailableBookingsTranslator.Dialect);
        endpoints.MapSocketDialect<Seed003Translator>(Seed003Translator.Path, Seed003Translator.Dialect);
        endpoints.MapSocketDialect<Seed004Translator>(Seed004Translator.Path, Seed004Translator.Dialect);

        RideEndpoints.Map(endpoints);
        endpoints.MapRidesHealth();
        endpoints.MapOpenApi(EdgePaths.OpenApi.Replace(OpenApiDocument, "{documentName}", StringComparison.Ordinal)).AllowAnonymous();

        var auth = endpoints.ServiceProvider.GetRequiredService<IOptions<EdgeAuthenticationOptions>>().Value;
        if (auth.DevIssuer.Enabled)
        {
            DevTokenEndpoints.Map(endpoints);
        }

        return endpoints;
    }

    /// <summary><c>/health/live</c> and <c>/health/ready</c> alone: what a host without the edge serves.</summary>
    public static IEndpointRouteBuilder MapRidesHealth(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        HealthEndpoints.Map(endpoints);
        return endpoints;
    }

    /// <summary>Maps the edge on a web application (see <see cref="MapRidesEdge(IEndpointRouteBuilder)"/>).</summary>
    public static WebApplication MapRidesEdge(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseRidesErrorEnvelope();
        ((IEndpointRouteBuilder)app).MapRidesEdge();
        return app;
    }

    /// <summary>
    /// Gives the answers the framework writes without a body (404, 405, and 400/408/413 when Kestrel stops reading
    /// a body) the JSON error envelope. <see cref="MapRidesEdge(WebApplication)"/> calls it; other hosts call it
    /// before their endpoints.
    /// </summary>
    public static IApplicationBuilder UseRidesErrorEnvelope(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.UseMiddleware<ErrorEnvelopeMiddleware>();
    }
}
