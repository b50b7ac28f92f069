using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Rides.Edge;

/// <summary>Describes the REST API in the OpenAPI document.</summary>
internal static class OpenApiSetup
{
    public static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Rides API",
                Version = "v1",
                Description = "The REST side of the Rides edge. Real-time events go through the SignalR hub at /hubs/rides; see docs/protocol.md. Send the token as 'Authorization: Bearer <token>'.",
            };
            return Task.CompletedTask;
        });
    }
}
