using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Rides.Edge.Protocol;
using Rides.Grains.Errors;

namespace Rides.Edge.Rest;

/// <summary>Maps failures of REST endpoints to the error envelope with a fitting status; nothing internal leaks.</summary>
internal sealed partial class RestErrorFilter(ILogger<RestErrorFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context).ConfigureAwait(false);
        }
        catch (RidesException refusal)
        {
            return RestErrors.ErrorResult(refusal.Code, refusal.Message, refusal.Detail);
        }
        catch (BadHttpRequestException bad)
        {
            // Kestrel stopped reading the body (too large, malformed chunking, too slow).
            return RestErrors.ErrorResult(RestErrors.CodeFor(bad.StatusCode), RestErrors.MessageFor(bad.StatusCode));
        }
        catch (TimeoutException timeout)
        {
            LogTimedOut(logger, timeout, context.HttpContext.Request.Path);
            return RestErrors.ErrorResult(EdgeErrorCodes.Timeout, "The platform did not answer in time. Please try again.");
        }
        catch (Exception failure) when (!context.HttpContext.RequestAborted.IsCancellationRequested)
        {
            LogFailed(logger, failure, context.HttpContext.Request.Path);
            return RestErrors.ErrorResult(EdgeErrorCodes.InternalError, "Something went wrong on our side. Please try again.");
        }
    }

    [LoggerMessage(EventId = 401, Level = LogLevel.Warning, Message = "Request {Path} timed out")]
    private static partial void LogTimedOut(ILogger logger, Exception exception, PathString path);

    [LoggerMessage(EventId = 402, Level = LogLevel.Error, Message = "Request {Path} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, PathString path);
}
