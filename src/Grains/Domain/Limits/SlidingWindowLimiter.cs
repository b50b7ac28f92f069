namespace Rides.Grains.Domain.Limits;

/// <summary>
/// At most <see cref="Limit"/> acquisitions in any window of length <see cref="Window"/>: an
/// acquisition at time t counts against every request in (t, t + window). Time is passed in.
/// Not thread-safe: a grain owns it.
/// </summary>
public sealed class SlidingWindowLimiter(int limit, TimeSpan window)
{
    private readonly Queue<DateTimeOffset> _accepted = new();

    /// <summary>Acquisitions per window.</summary>
    public int Limit { get; } = limit > 0 ? limit : throw new ArgumentOutOfRangeException(nameof(limit));

    /// <summary>The window length.</summary>
    public TimeSpan Window { get; } = window > TimeSpan.Zero ? window : throw new ArgumentOutOfRangeException(nameof(window));

    /// <summary>Whether nothing acquired is still inside the window at <paramref name="now"/>.</summary>
    public bool IsIdle(DateTimeOffset now)
    {
        Expire(now);
        return _accepted.Count == 0;
    }

    /// <summary>
    /// Takes one slot at <paramref name="now"/>, or returns false with the time until a slot frees.
    /// A refused request does not consume a slot.
    /// </summary>
    public bool TryAcquire(DateTimeOffset now, out TimeSpan retryAfter)
    {
        Expire(now);
        if (_accepted.Count < Limit)
        {
            _accepted.Enqueue(now);
            retryAfter = TimeSpan.Zero;
            return true;
        }

        retryAfter = _accepted.Peek() + Window - now;
        return false;
    }

    private void Expire(DateTimeOffset now)
    {
        while (_accepted.Count > 0 && _accepted.Peek() + Window <= now)
        {
            _accepted.Dequeue();
        }
    }
}
