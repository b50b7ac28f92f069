namespace Rides.Runtime.Reminders;

/// <summary>Durable storage of reminders (memory or PostgreSQL).</summary>
public interface IReminderTable
{
    /// <summary>Creates the table if needed.</summary>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>Every reminder (the reminder service keeps those it owns).</summary>
    Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken cancellationToken = default);

    /// <summary>The reminders of one grain.</summary>
    Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(GrainId grainId, CancellationToken cancellationToken = default);

    /// <summary>One reminder, or null.</summary>
    Task<ReminderEntry?> ReadRowAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces a reminder; returns the new ETag.</summary>
    Task<string> UpsertRowAsync(ReminderEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Removes a reminder if its ETag matches; returns whether it was removed.</summary>
    Task<bool> RemoveRowAsync(GrainId grainId, string reminderName, string etag, CancellationToken cancellationToken = default);
}

/// <summary>One durable reminder.</summary>
/// <param name="GrainId">The grain the reminder wakes.</param>
/// <param name="ReminderName">The name, unique within the grain.</param>
/// <param name="StartAt">When the first tick is due.</param>
/// <param name="Period">The time between ticks.</param>
/// <param name="ETag">The stored version (null before the first write).</param>
public sealed record ReminderEntry(GrainId GrainId, string ReminderName, DateTimeOffset StartAt, TimeSpan Period, string? ETag = null);
