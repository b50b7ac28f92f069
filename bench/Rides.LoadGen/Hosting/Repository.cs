using System.Diagnostics;

namespace Rides.LoadGen.Hosting;

/// <summary>Where things are in the repository the load generator was built in, and the platform's Release build.</summary>
public static class Repository
{
    /// <summary>The repository root: the first folder above this program, or else above the working directory, that holds <c>Rides.sln</c>.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The Release build of the host, <c>src/Silo/bin/Release/net10.0/Rides.Silo.dll</c>.</summary>
    public static string DefaultSiloDll => Path.Combine(Root, "src", "Silo", "bin", "Release", "net10.0", "Rides.Silo.dll");

    /// <summary>
    /// The host to run: <paramref name="configured"/> (<c>--silo-dll</c>) or <c>RIDES_SILO_DLL</c> when set, else the
    /// Release build, built first (<c>dotnet build src/Silo -c Release</c>) when it is not there.
    /// </summary>
    public static async Task<string> SiloDllAsync(string? configured, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        var named = configured ?? Environment.GetEnvironmentVariable("RIDES_SILO_DLL");
        if (!string.IsNullOrEmpty(named))
        {
            return File.Exists(named) ? Path.GetFullPath(named) : throw new InvalidOperationException($"The host {named} does not exist.");
        }

        if (!File.Exists(DefaultSiloDll))
        {
            log.WriteLine("building src/Silo (Release)");
            using var build = Process.Start(new ProcessStartInfo("dotnet", ["build", Path.Combine(Root, "src", "Silo"), "-c", "Release", "-nologo", "-v", "q"]) { UseShellExecute = false })
                ?? throw new InvalidOperationException("Could not start dotnet build.");
            await build.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            if (build.ExitCode != 0 || !File.Exists(DefaultSiloDll))
            {
                throw new InvalidOperationException("Building src/Silo failed: run dotnet build src/Silo -c Release.");
            }
        }

        return DefaultSiloDll;
    }

    private static string FindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Rides.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
