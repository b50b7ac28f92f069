namespace Rides.LoadGen.Hosting;

/// <summary>Starts this program again in one of its helper modes (the relay, a connection holder).</summary>
public static class SelfProcess
{
    /// <summary>Starts <c>Rides.LoadGen <paramref name="arguments"/></c> as <paramref name="name"/>, its standard input kept open.</summary>
    public static ChildProcess Start(string name, IEnumerable<string> arguments, string logPath)
    {
        var dll = typeof(SelfProcess).Assembly.Location;
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        return ChildProcess.Start(name, "dotnet", [dll, .. arguments], environment, logPath, keepStdinOpen: true);
    }
}
