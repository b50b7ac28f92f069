using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using Rides.Edge.Protocol;
using Rides.Grains.Errors;

namespace Rides.Edge.Hubs;

/// <summary>
/// Turns every failure of a hub method into seed 000's error envelope, so the connection stays usable and
/// nothing internal reaches a client: a <see cref="RidesException"/> keeps its code, message and detail;
/// an outage (database or silo unreachable) becomes SERVICE_UNAVAILABLE; a grain call timeout becomes TIMEOUT; anything else becomes INTERNAL_ERROR with a generic message and
/// is logged with its exception.
/// </summary>
public sealed partial class RidesHubFilter(ILogger<RidesHubFilter> logger) : IHubFilter
{
    /// <inheritdoc />
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        var method = invocationContext.HubMethodName;
        try
        {
            return await next(invocationContext).ConfigureAwait(false);
        }
        catch (Exception failure)
        {
            var answer = FailureAnswer.For(failure);
            answer.Log(logger, failure, "Hub method " + method, invocationContext.Context.ConnectionId);
            return HubResponse.Error(answer.Code, answer.Message, answer.Detail);
        }
    }
}
