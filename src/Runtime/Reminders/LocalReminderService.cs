using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rides.Runtime.Activation;
using Rides.Runtime.Hosting;
using Rides.Runtime.Messaging;

namespace Rides.Runtime.Reminders;

/// <summary>
/// Fires durable reminders. Keeps the reminders of the grains this silo owns in memory, loaded from
/// the table at start and refreshed periodically; looks for due ones every poll period (on the
/// injected <see cref="TimeProvider"/>) and calls <see cref="IRemindable.ReceiveReminder"/>, which
/// activates the grain if it is not active.
/// </summary>
internal sealed class LocalReminderService : IAsyncDisposable
{
    private static readonly System.Reflection.MethodInfo ReceiveReminderMethod = typeof(IRemindable).GetMethod(nameof(IRemindable.ReceiveReminder))!;

    private readonly ConcurrentDictionary<(GrainId, string), Scheduled> _reminders = new();
    private readonly IReminderTable _table;
    private readonly ReminderOptions _options;
    private readonly TimeProvider _time;
    private readonly GrainTypeRegistry _registry;
    private readonly RuntimeLog _log;
    private ITimer? _poll;
    private ITimer? _refresh;
    private IGrainCallInvoker? _invoker;

    public LocalReminderService(IReminderTable table, IOptions<ReminderOptions> options, TimeProvider time, GrainTypeRegistry registry, ILogger<LocalReminderService> logger)
    {
        _table = table;
        _options = options.Value;
        _time = time;
        _registry = registry;
        _log = new RuntimeLog(logger);
    }

    public int Count => _reminders.Count;

    public async Task StartAsync(IGrainCallInvoker invoker, CancellationToken cancellationToken)
    {
        _invoker = invoker;
        await _table.InitializeAsync(cancellationToken).ConfigureAwait(false);
        await RefreshAsync(cancellationToken).ConfigureAwait(false);
        _poll = _time.CreateTimer(static s => ((LocalReminderService)s!).Poll(), this, _options.PollPeriod, _options.PollPeriod);
        _refresh = _time.CreateTimer(static s => _ = ((LocalReminderService)s!).RefreshAsync(CancellationToken.None), this, _options.RefreshPeriod, _options.RefreshPeriod);
    }

    public async ValueTask DisposeAsync()
    {
        if (_poll is not null)
        {
            await _poll.DisposeAsync().ConfigureAwait(false);
        }

        if (_refresh is not null)
        {
            await _refresh.DisposeAsync().ConfigureAwait(false);
        }
    }

    public async Task<IGrainReminder> RegisterOrUpdateAsync(GrainId grainId, string name, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (period < _options.MinimumPeriod)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, $"A reminder's period must be at least {_options.MinimumPeriod} (ReminderOptions.MinimumPeriod).");
        }

        if (dueTime < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(dueTime), dueTime, "A reminder's due time cannot be negative.");
        }

        var entry = new ReminderEntry(grainId, name, _time.GetUtcNow() + dueTime, period);
        var etag = await _table.UpsertRowAsync(entry).ConfigureAwait(false);
        entry = entry with { ETag = etag };
        _reminders[(grainId, name)] = new Scheduled(entry, entry.StartAt);
        return new GrainReminder(name, etag);
    }

    public async Task UnregisterAsync(GrainId grainId, IGrainReminder reminder)
    {
        var etag = (reminder as GrainReminder)?.ETag
            ?? (await _table.ReadRowAsync(grainId, reminder.ReminderName).ConfigureAwait(false))?.ETag;
        if (etag is not null)
        {
            await _table.RemoveRowAsync(grainId, reminder.ReminderName, etag).ConfigureAwait(false);
        }

        _reminders.TryRemove((grainId, reminder.ReminderName), out _);
    }

    public async Task<IGrainReminder?> GetAsync(GrainId grainId, string name)
    {
        var row = await _table.ReadRowAsync(grainId, name).ConfigureAwait(false);
        return row is null ? null : new GrainReminder(row.ReminderName, row.ETag!);
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            var rows = await _table.ReadAllAsync(cancellationToken).ConfigureAwait(false);
            var seen = new HashSet<(GrainId, string)>();
            foreach (var row in rows)
            {
                var key = (row.GrainId, row.ReminderName);
                seen.Add(key);
                _reminders.AddOrUpdate(
                    key,
                    static (_, r) => new Scheduled(r, r.StartAt),
                    static (_, existing, r) => existing.Entry.ETag == r.ETag ? existing : new Scheduled(r, r.StartAt),
                    row);
            }

            foreach (var key in _reminders.Keys.Where(k => !seen.Contains(k)))
            {
                _reminders.TryRemove(key, out _);
            }
        }
        catch (Exception ex)
        {
            _log.ReminderTableReadFailed(ex);
        }
    }

    private void Poll()
    {
        var now = _time.GetUtcNow();
        foreach (var (key, scheduled) in _reminders)
        {
            if (scheduled.NextDue > now || scheduled.Firing)
            {
                continue;
            }

            var due = scheduled.NextDue;
            var next = due;
            while (next <= now)
            {
                next += scheduled.Entry.Period;
            }

            var updated = scheduled with { NextDue = next, Firing = true };
            if (_reminders.TryUpdate(key, updated, scheduled))
            {
                _ = FireAsync(key, updated, due);
            }
        }
    }

    private async Task FireAsync((GrainId GrainId, string Name) key, Scheduled scheduled, DateTimeOffset due)
    {
        try
        {
            var method = _registry.GetMethod(ReceiveReminderMethod);
            var status = new TickStatus(scheduled.Entry.StartAt, scheduled.Entry.Period, due);
            await _invoker!.InvokeAsync(key.GrainId, method, [key.Name, status]).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            _log.ReminderFailed(key.GrainId, key.Name, ex);
        }
        finally
        {
            if (_reminders.TryGetValue(key, out var current) && current.Entry.ETag == scheduled.Entry.ETag)
            {
                _reminders.TryUpdate(key, current with { Firing = false }, current);
            }
        }
    }

    private sealed record Scheduled(ReminderEntry Entry, DateTimeOffset NextDue, bool Firing = false);

    private sealed record GrainReminder(string ReminderName, string ETag) : IGrainReminder;
}
