namespace Rides.Edge.Tests;

/// <summary>How long a test waits for anything before failing instead of hanging.</summary>
public static class TestTimeouts
{
    /// <summary>For one call or one event.</summary>
    public static TimeSpan Event { get; } = TimeSpan.FromSeconds(10);

    /// <summary>For starting or stopping a server.</summary>
    public static TimeSpan Server { get; } = TimeSpan.FromSeconds(30);

    /// <summary>Fails the await with a <see cref="TimeoutException"/> after <see cref="Event"/> (aspnetcore's DefaultTimeout).</summary>
    public static Task<T> DefaultTimeout<T>(this Task<T> task) => task.WaitAsync(Event);

    /// <summary>Fails the await with a <see cref="TimeoutException"/> after <see cref="Event"/>.</summary>
    public static Task DefaultTimeout(this Task task) => task.WaitAsync(Event);
}
