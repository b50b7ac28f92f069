using System.Collections.Concurrent;
using System.Globalization;

namespace Rides.Runtime.Reminders;

/// <summary>Reminders kept in process memory (the embedded default; shared by a test cluster's silos).</summary>
public sealed class InMemoryReminderTable : IReminderTable
{
    private readonly ConcurrentDictionary<(GrainId, string), ReminderEntry> _rows = new();
    private long _version;

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <inheritdoc />
    public Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ReminderEntry>>(_rows.Values.ToList());

    /// <inheritdoc />
    public Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(GrainId grainId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ReminderEntry>>(_rows.Values.Where(r => r.GrainId == grainId).ToList());

    /// <inheritdoc />
    public Task<ReminderEntry?> ReadRowAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken = default) =>
        Task.FromResult(_rows.TryGetValue((grainId, reminderName), out var row) ? row : null);

    /// <inheritdoc />
    public Task<string> UpsertRowAsync(ReminderEntry entry, CancellationToken cancellationToken = default)
    {
        var etag = Interlocked.Increment(ref _version).ToString(CultureInfo.InvariantCulture);
        _rows[(entry.GrainId, entry.ReminderName)] = entry with { ETag = etag };
        return Task.FromResult(etag);
    }

    /// <inheritdoc />
    public Task<bool> RemoveRowAsync(GrainId grainId, string reminderName, string etag, CancellationToken cancellationToken = default)
    {
        var key = (grainId, reminderName);
        return Task.FromResult(_rows.TryGetValue(key, out var row) && row.ETag == etag
            && _rows.TryRemove(new KeyValuePair<(GrainId, string), ReminderEntry>(key, row)));
    }
}
