namespace Rides.Runtime.Hosting;

/// <summary>Options of the reminder service.</summary>
public sealed class ReminderOptions
{
    /// <summary>The shortest period a reminder may have (default 1 minute, as Orleans).</summary>
    public TimeSpan MinimumPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often due reminders are looked for (default 1 s).</summary>
    public TimeSpan PollPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the table is read again for reminders registered elsewhere (default 30 s).</summary>
    public TimeSpan RefreshPeriod { get; set; } = TimeSpan.FromSeconds(30);
}
