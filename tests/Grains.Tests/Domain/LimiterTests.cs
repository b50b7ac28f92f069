using Rides.Grains.Domain.Limits;

namespace Rides.Grains.Tests.Domain;

public sealed class LimiterTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void One_per_second_refuses_an_update_999_ms_later_and_accepts_one_at_1_s()
    {
        var limiter = new SlidingWindowLimiter(1, TimeSpan.FromSeconds(1));
        Assert.True(limiter.TryAcquire(T0, out _));
        Assert.False(limiter.TryAcquire(T0.AddMilliseconds(999), out var retryAfter));
        Assert.Equal(TimeSpan.FromMilliseconds(1), retryAfter);
        Assert.True(limiter.TryAcquire(T0.AddSeconds(1), out _));
    }

    [Fact]
    public void Five_per_minute_refuses_the_sixth_and_accepts_again_when_the_first_leaves_the_window()
    {
        var limiter = new SlidingWindowLimiter(5, TimeSpan.FromMinutes(1));
        for (var i = 0; i < 5; i++)
        {
            Assert.True(limiter.TryAcquire(T0.AddSeconds(i), out _));
        }

        Assert.False(limiter.TryAcquire(T0.AddSeconds(59), out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(1), retryAfter);
        Assert.False(limiter.TryAcquire(T0.AddSeconds(60).AddTicks(-1), out _));
        Assert.True(limiter.TryAcquire(T0.AddSeconds(60), out _));
        Assert.False(limiter.TryAcquire(T0.AddSeconds(60), out _));
        Assert.True(limiter.TryAcquire(T0.AddSeconds(61), out _));
    }

    [Fact]
    public void A_refused_request_does_not_use_a_slot()
    {
        var limiter = new SlidingWindowLimiter(1, TimeSpan.FromSeconds(1));
        Assert.True(limiter.TryAcquire(T0, out _));
        for (var i = 1; i < 10; i++)
        {
            Assert.False(limiter.TryAcquire(T0.AddMilliseconds(i * 50), out _));
        }

        Assert.True(limiter.TryAcquire(T0.AddSeconds(1), out _));
    }

    [Fact]
    public void A_keyed_limiter_counts_each_user_apart()
    {
        var limiter = new KeyedLimiter(1, TimeSpan.FromMinutes(1));
        Assert.True(limiter.TryAcquire("a", T0, out _));
        Assert.True(limiter.TryAcquire("b", T0, out _));
        Assert.False(limiter.TryAcquire("a", T0, out _));
    }
}
