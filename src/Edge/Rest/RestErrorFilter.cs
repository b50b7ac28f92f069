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
        catch (BadHttpRequestException bad)
        {
            // Kestrel stopped reading the body (too large, malformed chunking, too slow).
            return RestErrors.ErrorResult(RestErrors.CodeFor(bad.StatusCode), RestErrors.MessageFor(bad.StatusCode));
        }
        catch (Exception failure) when (!context.HttpContext.RequestAborted.IsCancellationRequested)
        {
            var answer = FailureAnswer.For(failure);
            answer.Log(logger, failure, "Request " + context.HttpContext.Request.Path, context.HttpContext.TraceIdentifier);
            return RestErrors.ErrorResult(answer.Code, answer.Message, answer.Detail);
        }
    }
}
