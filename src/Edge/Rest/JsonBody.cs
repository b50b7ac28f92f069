using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using Rides.Edge.Protocol;
using Rides.Grains.Errors;

namespace Rides.Edge.Rest;

/// <summary>
/// Reads a request body as JSON: a body that is not JSON by its Content-Type is UNSUPPORTED_MEDIA_TYPE (415),
/// one larger than <see cref="MaxBytes"/> PAYLOAD_TOO_LARGE (413), one that does not parse VALIDATION_FAILED.
/// </summary>
internal static class JsonBody
{
    /// <summary>The largest body the REST API reads.</summary>
    public const int MaxBytes = 64 * 1024;

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>Reads a required body.</summary>
    public static async Task<JsonElement> ReadAsync(HttpRequest request)
    {
        if (request.ContentLength > MaxBytes)
        {
            throw TooLarge();
        }

        CheckMediaType(request);

        // A chunked body has no length up front: Kestrel stops it at the limit (BadHttpRequestException, 413).
        var limit = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (limit is { IsReadOnly: false })
        {
            limit.MaxRequestBodySize = MaxBytes;
        }

        // Read whole (at most MaxBytes) so the bytes can be checked as UTF-8 first: the JSON reader checks only the
        // strings a field reader asks for, so invalid UTF-8 in an ignored field would otherwise pass.
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted).ConfigureAwait(false);
        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (bytes.Span.StartsWith(Utf8Bom))
        {
            bytes = bytes[Utf8Bom.Length..];
        }

        if (!Utf8.IsValid(bytes.Span))
        {
            throw new RidesException(ErrorCodes.ValidationFailed, "The request is not valid.", "body must be UTF-8 text");
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            if (JsonText.HasMalformedNames(document.RootElement))
            {
                throw new RidesException(ErrorCodes.ValidationFailed, "The request is not valid.", "body has a field name that is not well-formed Unicode text (it holds a lone surrogate)");
            }

            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new RidesException(ErrorCodes.ValidationFailed, "The request is not valid.", "body must be a JSON object");
        }
    }

    /// <summary>Reads a body that may be left out (no Content-Length, or zero): then it is <c>{}</c>.</summary>
    public static Task<JsonElement> ReadOptionalAsync(HttpRequest request) =>
        HasBody(request) ? ReadAsync(request) : Task.FromResult(EmptyObject());

    /// <summary>
    /// The body with <c>ride_id</c> set to the route's <paramref name="rideId"/>, so the hub's payload readers
    /// check a REST action exactly as they check the hub method it mirrors. A body that is not an object is
    /// returned as it is, for the reader to refuse.
    /// </summary>
    public static JsonElement WithRideId(JsonElement body, string rideId)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return body;
        }

        // Appended to the raw text, not rebuilt through a serializer: the body's other values stay exactly as sent
        // (a lone surrogate escape cannot be re-serialized; the reader refuses it by name). A field defined twice
        // reads as its last definition, so the route's id wins over any ride_id in the body.
        var raw = body.GetRawText().TrimEnd();
        var inner = raw[1..^1].Trim();
        var merged = "{" + inner + (inner.Length > 0 ? "," : string.Empty) + "\"ride_id\":" + JsonSerializer.Serialize(rideId) + "}";
        using var document = JsonDocument.Parse(merged);
        return document.RootElement.Clone();
    }

    private static bool HasBody(HttpRequest request) =>
        request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);

    private static void CheckMediaType(HttpRequest request)
    {
        if (!HasBody(request))
        {
            return; // no body: the reader says what is missing
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !(type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                 || type.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase)))
        {
            throw new RidesException(EdgeErrorCodes.UnsupportedMediaType, "The body must be JSON.", "Content-Type must be application/json");
        }
    }

    private static RidesException TooLarge() =>
        new(EdgeErrorCodes.PayloadTooLarge, "The request body is too large.", $"body must be at most {MaxBytes} bytes");

    private static JsonElement EmptyObject()
    {
        using var document = JsonDocument.Parse("{}");
        return document.RootElement.Clone();
    }
}
