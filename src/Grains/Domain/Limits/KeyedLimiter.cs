namespace Rides.Grains.Domain.Limits;

/// <summary>A <see cref="SlidingWindowLimiter"/> per key (per user), forgetting idle keys.</summary>
public sealed class KeyedLimiter(int limit, TimeSpan window)
{
    private readonly Dictionary<string, SlidingWindowLimiter> _limiters = new(StringComparer.Ordinal);

    /// <summary>Takes one slot for <paramref name="key"/> at <paramref name="now"/>.</summary>
    public bool TryAcquire(string key, DateTimeOffset now, out TimeSpan retryAfter)
    {
        if (_limiters.Count > 64)
        {
            foreach (var idle in _limiters.Where(p => p.Value.IsIdle(now)).Select(p => p.Key).ToList())
            {
                _limiters.Remove(idle);
            }
        }

        if (!_limiters.TryGetValue(key, out var limiter))
        {
            limiter = new SlidingWindowLimiter(limit, window);
            _limiters[key] = limiter;
        }

        return limiter.TryAcquire(now, out retryAfter);
    }
}
