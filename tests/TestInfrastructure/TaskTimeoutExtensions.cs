using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Rides.TestInfrastructure;

/// <summary>
/// Gives an await in a test a time limit, so a hang fails fast with the place it hung
/// (aspnetcore's <c>DefaultTimeout()</c>). The limit is 10 s, or <c>RIDES_TEST_TIMEOUT_SECONDS</c>;
/// none while a debugger is attached.
/// </summary>
public static class TaskTimeoutExtensions
{
    private static readonly TimeSpan s_configured = ReadConfigured();

    /// <summary>The limit <c>DefaultTimeout()</c> applies.</summary>
    public static TimeSpan DefaultTimeoutSpan => Debugger.IsAttached ? Timeout.InfiniteTimeSpan : s_configured;

    /// <summary>Awaits <paramref name="task"/> for at most <see cref="DefaultTimeoutSpan"/>.</summary>
    public static Task DefaultTimeout(this Task task, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        task.TimeoutAfter(DefaultTimeoutSpan, file, line);

    /// <summary>Awaits <paramref name="task"/> for at most <see cref="DefaultTimeoutSpan"/>.</summary>
    public static Task<T> DefaultTimeout<T>(this Task<T> task, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        task.TimeoutAfter(DefaultTimeoutSpan, file, line);

    /// <summary>Awaits <paramref name="task"/> for at most <see cref="DefaultTimeoutSpan"/>.</summary>
    public static Task DefaultTimeout(this ValueTask task, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        task.AsTask().TimeoutAfter(DefaultTimeoutSpan, file, line);

    /// <summary>Awaits <paramref name="task"/> for at most <see cref="DefaultTimeoutSpan"/>.</summary>
    public static Task<T> DefaultTimeout<T>(this ValueTask<T> task, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        task.AsTask().TimeoutAfter(DefaultTimeoutSpan, file, line);

    /// <summary>Awaits <paramref name="task"/> for at most <paramref name="timeout"/>.</summary>
    public static async Task TimeoutAfter(this Task task, TimeSpan timeout, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(task);
        try
        {
            await task.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException ex) when (!task.IsCompleted)
        {
            throw TimedOut(timeout, file, line, ex);
        }
    }

    /// <summary>Awaits <paramref name="task"/> for at most <paramref name="timeout"/>.</summary>
    public static async Task<T> TimeoutAfter<T>(this Task<T> task, TimeSpan timeout, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(task);
        try
        {
            return await task.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException ex) when (!task.IsCompleted)
        {
            throw TimedOut(timeout, file, line, ex);
        }
    }

    private static TimeoutException TimedOut(TimeSpan timeout, string file, int line, Exception inner) =>
        new($"The operation awaited at {Path.GetFileName(file)}:{line.ToString(CultureInfo.InvariantCulture)} did not complete within {timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s.", inner);

    private static TimeSpan ReadConfigured()
    {
        var text = Environment.GetEnvironmentVariable("RIDES_TEST_TIMEOUT_SECONDS");
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.FromSeconds(10);
    }
}
