using System.Text.Json;

namespace Rides.Edge.Tests.Client;

/// <summary>
/// The server-to-client invocations a connection received, in arrival order. Waiting looks at every
/// event received so far, then at new ones, so an event that arrived before the wait is not missed.
/// </summary>
public sealed class EventInbox
{
    private readonly object _gate = new();
    private readonly List<HubEvent> _events = [];
    private readonly List<Waiter> _waiters = [];

    /// <summary>How many events were received so far.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _events.Count;
            }
        }
    }

    /// <summary>A snapshot of every event received so far.</summary>
    public IReadOnlyList<HubEvent> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>The payloads of the events sent to client method <paramref name="target"/>, in order.</summary>
    public IReadOnlyList<JsonElement> Of(string target) => [.. All.Where(e => e.Target == target).Select(e => e.Payload)];

    /// <summary>
    /// Waits for the first event to <paramref name="target"/> whose payload satisfies <paramref name="match"/>,
    /// ignoring the first <paramref name="skip"/> events received.
    /// </summary>
    public Task<JsonElement> WaitForAsync(string target, Func<JsonElement, bool>? match = null, TimeSpan? timeout = null, int skip = 0)
    {
        var waiter = new Waiter(e => e.Target == target && (match is null || match(e.Payload)));
        lock (_gate)
        {
            var existing = _events.Skip(skip).FirstOrDefault(waiter.Matches);
            if (existing is not null)
            {
                return Task.FromResult(existing.Payload);
            }

            _waiters.Add(waiter);
        }

        var limit = timeout ?? TestTimeouts.Event;
        return WaitAsync(waiter, target, limit);
    }

    internal void Add(HubEvent hubEvent)
    {
        List<Waiter> satisfied;
        lock (_gate)
        {
            _events.Add(hubEvent);
            satisfied = _waiters.Where(w => w.Matches(hubEvent)).ToList();
            _waiters.RemoveAll(satisfied.Contains);
        }

        foreach (var waiter in satisfied)
        {
            waiter.Completion.TrySetResult(hubEvent.Payload);
        }
    }

    private async Task<JsonElement> WaitAsync(Waiter waiter, string target, TimeSpan timeout)
    {
        try
        {
            return await waiter.Completion.Task.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            lock (_gate)
            {
                _waiters.Remove(waiter);
            }

            var seen = string.Join(", ", All.Select(e => e.Target + " " + e.Payload.GetRawText()));
            throw new TimeoutException($"No matching '{target}' event within {timeout.TotalSeconds} s. Received: [{seen}]");
        }
    }

    private sealed class Waiter(Func<HubEvent, bool> match)
    {
        public TaskCompletionSource<JsonElement> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Matches(HubEvent hubEvent) => match(hubEvent);
    }
}
