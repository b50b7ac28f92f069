namespace Rides.LoadGen.Runs;

/// <summary>stub</summary>
public static class SoakRun
{
    /// <summary>stub</summary>
    public static Task RunAsync(RunContext run, CancellationToken cancellationToken) => Task.CompletedTask;
}
