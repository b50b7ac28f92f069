using Microsoft.Extensions.Logging;

namespace Rides.Runtime.Hosting;

/// <summary>The runtime's log messages, with stable event ids.</summary>
internal sealed partial class RuntimeLog(ILogger logger)
{
    [LoggerMessage(1001, LogLevel.Warning, "Activation of {GrainId} failed")]
    public partial void ActivationFailed(GrainId grainId, Exception exception);

    [LoggerMessage(1002, LogLevel.Warning, "Deactivation of {GrainId} failed")]
    public partial void DeactivationFailed(GrainId grainId, Exception exception);

    [LoggerMessage(1003, LogLevel.Error, "A turn of {GrainId} failed outside any caller")]
    public partial void WorkItemFailed(GrainId grainId, Exception exception);

    [LoggerMessage(1004, LogLevel.Warning, "Timer callback of {GrainId} failed")]
    public partial void TimerFailed(GrainId grainId, Exception exception);

    [LoggerMessage(1005, LogLevel.Warning, "Stream {StreamId} delivery to a subscriber failed")]
    public partial void StreamDeliveryFailed(string streamId, Exception exception);

    [LoggerMessage(1006, LogLevel.Warning, "Reminder {ReminderName} of {GrainId} failed")]
    public partial void ReminderFailed(GrainId grainId, string reminderName, Exception exception);

    [LoggerMessage(1007, LogLevel.Warning, "Reading the reminder table failed")]
    public partial void ReminderTableReadFailed(Exception exception);

    [LoggerMessage(1008, LogLevel.Information, "Silo {SiloName} started")]
    public partial void SiloStarted(string siloName);

    [LoggerMessage(1009, LogLevel.Information, "Silo {SiloName} stopped; {Count} activations deactivated")]
    public partial void SiloStopped(string siloName, int count);

    [LoggerMessage(1010, LogLevel.Debug, "Collecting {Count} idle activations")]
    public partial void CollectingIdle(int count);
}
