using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Rides.Edge.Sockets;

/// <summary>Maps a plain-WebSocket dialect: one call per endpoint, with the dialect's translator.</summary>
public static class SocketEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Serves the dialect whose frames <typeparamref name="TTranslator"/> translates at <paramref name="pattern"/>.
    /// The core authenticates (query <c>token</c>, <c>Authorization: Bearer</c> or <c>Sec-WebSocket-Protocol</c>),
    /// runs the session and creates one translator per connection.
    /// </summary>
    public static IEndpointConventionBuilder MapSocketDialect<TTranslator>(this IEndpointRouteBuilder endpoints, string pattern, SocketDialectOptions dialect)
        where TTranslator : SocketTranslator
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(dialect);

        // As SignalR does for its hubs: the WebSocket middleware runs only in this endpoint's own pipeline.
        var pipeline = endpoints.CreateApplicationBuilder();
        pipeline.UseWebSockets();
        pipeline.Run(http => http.RequestServices.GetRequiredService<SocketHost>().RunAsync<TTranslator>(http, dialect));
        return endpoints.Map(pattern, pipeline.Build())
            .AllowAnonymous()
            .WithDisplayName($"{dialect.Name} WebSocket {pattern}")
            .ExcludeFromDescription();
    }
}
