using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Rides.Grains.Errors;

namespace Rides.Edge.Rest;

/// <summary>Reads a request body as JSON, refusing what is not JSON with VALIDATION_FAILED (not a bare 400).</summary>
internal static class JsonBody
{
    /// <summary>The largest body the REST API reads.</summary>
    public const int MaxBytes = 64 * 1024;

    public static async Task<JsonElement> ReadAsync(HttpRequest request)
    {
        if (request.ContentLength > MaxBytes)
        {
            throw new RidesException(ErrorCodes.ValidationFailed, "The request is not valid.", $"body must be at most {MaxBytes} bytes");
        }

        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, default, request.HttpContext.RequestAborted).ConfigureAwait(false);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new RidesException(ErrorCodes.ValidationFailed, "The request is not valid.", "body must be a JSON object");
        }
    }
}
