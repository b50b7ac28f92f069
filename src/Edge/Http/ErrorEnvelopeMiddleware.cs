using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Rides.Edge.Protocol;
using Rides.Edge.Rest;

namespace Rides.Edge.Http;

/// <summary>
/// Gives the answers the framework writes without a body (404 for an unknown path, 405 for a known path with
/// another method, and a body Kestrel stopped reading: 400, 408, 413) the error envelope with a stable code,
/// so every HTTP answer of the edge is JSON. Answers that already have a body are left as they are.
/// </summary>
internal sealed partial class ErrorEnvelopeMiddleware(RequestDelegate next, ILogger<ErrorEnvelopeMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (BadHttpRequestException bad) when (!context.Response.HasStarted)
        {
            context.Response.Clear();
            await WriteAsync(context, bad.StatusCode).ConfigureAwait(false);
            return;
        }
        catch (Exception failure) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            LogUnhandled(logger, failure, context.Request.Path);
            context.Response.Clear();
            await WriteAsync(context, StatusCodes.Status500InternalServerError).ConfigureAwait(false);
            return;
        }

        var response = context.Response;
        if (response.StatusCode >= 400 && !response.HasStarted && response.ContentLength is null && string.IsNullOrEmpty(response.ContentType))
        {
            await WriteAsync(context, response.StatusCode).ConfigureAwait(false);
        }
    }

    private static Task WriteAsync(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(
            HubResponse.Error(RestErrors.CodeFor(status), RestErrors.MessageFor(status)),
            context.RequestAborted);
    }

    [LoggerMessage(EventId = 403, Level = LogLevel.Error, Message = "Request {Path} failed outside an endpoint")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, PathString path);
}
