namespace Rides.Runtime.Membership;

/// <summary>A membership table in process memory, with the same versioned semantics as the PostgreSQL one.</summary>
public sealed class InMemoryMembershipTable : IMembershipTable
{
    private readonly object _lock = new();
    private readonly Dictionary<string, MembershipEntry> _rows = new(StringComparer.Ordinal);
    private long _version;

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <inheritdoc />
    public Task<MembershipSnapshot> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(new MembershipSnapshot(_rows.Values.ToList(), _version));
        }
    }

    /// <inheritdoc />
    public Task<bool> InsertRowAsync(MembershipEntry entry, long expectedVersion, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (_version != expectedVersion || _rows.ContainsKey(entry.SiloAddress))
            {
                return Task.FromResult(false);
            }

            _rows[entry.SiloAddress] = entry;
            _version++;
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<bool> UpdateRowAsync(MembershipEntry entry, long expectedVersion, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (_version != expectedVersion || !_rows.ContainsKey(entry.SiloAddress))
            {
                return Task.FromResult(false);
            }

            _rows[entry.SiloAddress] = entry;
            _version++;
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task UpdateIAmAliveAsync(string siloAddress, DateTimeOffset iAmAliveTime, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (_rows.TryGetValue(siloAddress, out var row))
            {
                _rows[siloAddress] = row with { IAmAliveTime = iAmAliveTime };
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task CleanupDefunctEntriesAsync(DateTimeOffset beforeDate, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            foreach (var key in _rows.Where(r => r.Value.Status == SiloStatus.Dead && r.Value.IAmAliveTime < beforeDate).Select(r => r.Key).ToList())
            {
                _rows.Remove(key);
            }
        }

        return Task.CompletedTask;
    }
}
