using System.Diagnostics;

namespace Rides.TestInfrastructure;

/// <summary>Runs a command to completion and reports its output when it fails.</summary>
internal static class ProcessRunner
{
    public static (int ExitCode, string Output) Run(string fileName, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start '{fileName}'.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{fileName} {string.Join(' ', info.ArgumentList)}' did not finish within {timeout.TotalSeconds:0} s.");
        }

        process.WaitForExit();
        return (process.ExitCode, (stdout.Result + stderr.Result).Trim());
    }

    public static string RunChecked(string fileName, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var args = arguments.ToArray();
        var (exitCode, output) = Run(fileName, args, timeout);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"'{fileName} {string.Join(' ', args)}' exited with {exitCode}: {output}");
        }

        return output;
    }

    public static bool TryRun(string fileName, IEnumerable<string> arguments, TimeSpan timeout, out string output)
    {
        try
        {
            var (exitCode, text) = Run(fileName, arguments, timeout);
            output = text;
            return exitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            // The program does not exist.
            output = ex.Message;
            return false;
        }
    }
}
