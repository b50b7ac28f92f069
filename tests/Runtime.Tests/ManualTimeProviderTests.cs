using Rides.Runtime.Testing;
using Rides.TestInfrastructure;

namespace Rides.Runtime.Tests;

public sealed class ManualTimeProviderTests
{
    [Fact]
    public void Timers_fire_in_due_order_only_when_the_clock_is_advanced_past_them()
    {
        var time = new ManualTimeProvider();
        var fired = new List<string>();
        using var late = time.CreateTimer(_ => fired.Add("late"), null, TimeSpan.FromSeconds(10), Timeout.InfiniteTimeSpan);
        using var periodic = time.CreateTimer(_ => fired.Add("periodic"), null, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3));

        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Empty(fired);
        time.Advance(TimeSpan.FromSeconds(8));

        Assert.Equal(["periodic", "periodic", "periodic", "late"], fired);
        Assert.Equal(TimeSpan.FromSeconds(10), time.GetElapsedTime(0));
    }

    [Fact]
    public async Task A_timer_due_now_fires_without_an_advance()
    {
        var time = new ManualTimeProvider();
        var fired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        using var timer = time.CreateTimer(_ => fired.TrySetResult(), null, TimeSpan.Zero, Timeout.InfiniteTimeSpan);

        await fired.Task.DefaultTimeout();
        Assert.Equal(0, time.ActiveTimers);
    }
}
