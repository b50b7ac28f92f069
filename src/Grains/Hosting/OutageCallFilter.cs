using Microsoft.Extensions.Logging;
using Rides.Grains.Errors;

namespace Rides.Grains;

/// <summary>
/// When a grain call fails because storage (or another silo) is unreachable, the caller gets
/// <see cref="ErrorCodes.ServiceUnavailable"/>, not a database exception, and the grain's activation is
/// dropped: it may have changed its state in memory before the write failed, and the next call must read
/// what is stored, not what was never acknowledged. One filter for every grain, so no grain can forget.
/// </summary>
internal sealed partial class OutageCallFilter(ILogger<OutageCallFilter> logger) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (Exception exception) when (Outages.IsOutage(exception))
        {
            LogOutage(logger, exception, context.TargetId.ToString(), context.MethodName);
            context.TargetContext.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationError, "storage or a silo was unreachable during a call"));
            throw Outages.ToRefusal(exception);
        }
    }

    [LoggerMessage(EventId = 701, Level = LogLevel.Warning, Message = "Grain {Grain} could not complete {Method}: storage or a silo is unreachable; the activation is dropped")]
    private static partial void LogOutage(ILogger logger, Exception exception, string grain, string method);
}
