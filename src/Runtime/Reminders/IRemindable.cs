namespace Rides.Runtime.Reminders;

/// <summary>A grain that receives durable reminders.</summary>
public interface IRemindable : IGrain
{
    /// <summary>Called when the reminder named <paramref name="reminderName"/> is due.</summary>
    Task ReceiveReminder(string reminderName, TickStatus status);
}

/// <summary>What a reminder tick knows about its schedule.</summary>
/// <param name="FirstTickTime">When the reminder first became due.</param>
/// <param name="Period">The reminder's period.</param>
/// <param name="CurrentTickTime">When this tick was due.</param>
public readonly record struct TickStatus(DateTimeOffset FirstTickTime, TimeSpan Period, DateTimeOffset CurrentTickTime);

/// <summary>A handle to a registered reminder.</summary>
public interface IGrainReminder
{
    /// <summary>The reminder's name, unique within its grain.</summary>
    string ReminderName { get; }
}
