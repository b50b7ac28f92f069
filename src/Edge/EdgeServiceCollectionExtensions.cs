using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rides.Edge.Authentication;
using Rides.Edge.Http;
using Rides.Edge.Hubs;
using Rides.Edge.Operations;
using Rides.Edge.Protocol;
using Rides.Edge.Rest;
using Rides.Edge.Sockets;
using Rides.Edge.Subscriptions;

namespace Rides.Edge;

/// <summary>Adds the edge tier (hub, REST API, JWT authentication, health, OpenAPI) to a host.</summary>
public static class EdgeServiceCollectionExtensions
{
    /// <summary>
    /// Adds the edge's services. The host must also provide an <c>IClusterClient</c>: a silo in the same
    /// process, or a client of a cluster; the edge reaches grains only through it.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configuration">Configuration with the <c>Rides:Auth</c> section (see <see cref="EdgeAuthenticationOptions"/>).</param>
    public static IServiceCollection AddRidesEdge(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddRidesAuthentication(configuration);

        services.AddSignalR(hub =>
        {
            hub.EnableDetailedErrors = false;
            hub.MaximumReceiveMessageSize = PayloadLimits.MaxHubMessageBytes;
        })
            .AddHubOptions<RidesHub>(hub => hub.AddFilter<RidesHubFilter>()) // our hub's error envelope, not every hub's in the host
            .AddJsonProtocol(json => EdgeJson.Configure(json.PayloadSerializerOptions));
        services.ConfigureHttpJsonOptions(json => EdgeJson.Configure(json.SerializerOptions));

        // SignalR's JSON protocol behind the edge's limits, so an oversized, too-deep or unparsable message closes the
        // connection with a code in the Close message (RidesHubProtocol); the protocol resolver keys protocols by name.
        foreach (var json in services.Where(d => d.ServiceType == typeof(IHubProtocol) && d.ImplementationType == typeof(JsonHubProtocol)).ToList())
        {
            services.Remove(json);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHubProtocol, RidesHubProtocol>());

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RidesHubFilter>();
        services.AddSingleton<HubTokenExpiry>();
        services.AddSingleton<HubLifetimeManager<RidesHub>, RidesHubLifetimeManager>();
        services.AddSingleton<ConnectionSubscriptionRegistry>();
        services.AddSingleton<ConnectionStreams>();
        services.AddSingleton<TopicSubscriptions>();
        services.AddSingleton<RideOperations>();
        services.AddSingleton<DriverOperations>();
        services.AddSingleton<SupportOperations>();
        services.AddSingleton<SocketHost>();
        services.AddOptions<SocketOptions>().Bind(configuration.GetSection(SocketOptions.SectionName));
        services.AddOptions<EdgeEventOptions>().Bind(configuration.GetSection(EdgeEventOptions.SectionName));
        services.AddHostedService<TopicRenewalService>();
        services.AddSingleton<DevTokenIssuer>();
        services.AddSingleton<AccessTokenValidator>();
        services.AddSingleton<RestErrorFilter>();
        services.AddHostedService<EdgeStartupLogger>();
        services.AddHealthChecks();

        // Kestrel answers a request it cannot parse before any middleware runs; this gives that answer a body too.
        // (ConfigureEndpointDefaults keeps one action: a host that sets its own must add RejectionBodyConnection.Wrap.)
        services.Configure<KestrelServerOptions>(kestrel => kestrel.ConfigureEndpointDefaults(listen => listen.Use(RejectionBodyConnection.Wrap)));
        services.AddOpenApi(EdgeEndpoints.OpenApiDocument, OpenApiSetup.Configure);

        // Tokens travel in the hub URL's query and in authenticate's payload; these two categories would
        // write them out at Information and Debug level, so they are held at Warning and Information.
        services.Configure<LoggerFilterOptions>(logging =>
        {
            logging.Rules.Add(new LoggerFilterRule(null, "Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning, null));
            logging.Rules.Add(new LoggerFilterRule(null, "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher", LogLevel.Information, null));
            logging.Rules.Add(new LoggerFilterRule(null, "Microsoft.AspNetCore.Http.Connections", LogLevel.Information, null));
        });
        return services;
    }

    /// <summary>
    /// Adds JWT bearer authentication and the edge's authorization policies only: what a host without the
    /// edge (a silo-only process, for its dashboard) needs to check an operator's token.
    /// </summary>
    public static IServiceCollection AddRidesAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<EdgeAuthenticationOptions>()
            .Bind(configuration.GetSection(EdgeAuthenticationOptions.SectionName))
            .Validate(HasUsableKey, $"Set {EdgeAuthenticationOptions.SectionName}:SigningKey (HS256, at least 32 bytes) or {EdgeAuthenticationOptions.SectionName}:RsaPublicKeyPem (RS256).")
            .ValidateOnStart();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<EdgeAuthenticationOptions>>((bearer, edge) => JwtBearerSetup.Configure(bearer, edge.Value, EdgeEndpoints.HubPath));
        services.AddAuthorization();
        services.AddOptions<Microsoft.AspNetCore.Authorization.AuthorizationOptions>()
            .Configure<IOptions<EdgeAuthenticationOptions>>((authorization, edge) => EdgePolicies.Add(authorization, edge.Value.RoleClaim));
        return services;
    }

    /// <summary>Adds the edge's services with the builder's configuration.</summary>
    public static WebApplicationBuilder AddRidesEdge(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddRidesEdge(builder.Configuration);
        return builder;
    }

    private static bool HasUsableKey(EdgeAuthenticationOptions options)
    {
        try
        {
            return SigningKeys.ValidationKeys(options).Count > 0;
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }
}
