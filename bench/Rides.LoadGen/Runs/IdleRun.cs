namespace Rides.LoadGen.Runs;

/// <summary>stub</summary>
public static class IdleRun
{
    /// <summary>stub</summary>
    public static Task RunAsync(RunContext run, CancellationToken cancellationToken) => Task.CompletedTask;
}
