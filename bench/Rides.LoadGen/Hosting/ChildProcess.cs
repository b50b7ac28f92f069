using System.Collections.Concurrent;
using System.Diagnostics;

namespace Rides.LoadGen.Hosting;

/// <summary>
/// A process the load generator started (the platform, the relay, connection holders): its output goes to a log
/// file and to line watchers; it is killed with its children when disposed, and by <see cref="KillAll"/> when
/// this process exits on any path (Ctrl-C, budget, exception).
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<int, ChildProcess> Live = new();
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _gate = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Found)> _watchers = [];
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _disposed;

    private ChildProcess(string name, Process process, string logPath)
    {
        Name = name;
        _process = process;
        LogPath = logPath;
        _log = new StreamWriter(logPath, append: true) { AutoFlush = true };
    }

    /// <summary>What it is, for messages (e.g. <c>silo</c>, <c>relay</c>, <c>holder 2</c>).</summary>
    public string Name { get; }

    /// <summary>Its process id.</summary>
    public int Id => _process.Id;

    /// <summary>Where its standard output and error go.</summary>
    public string LogPath { get; }

    /// <summary>Whether it has exited.</summary>
    public bool HasExited => _exited.Task.IsCompleted;

    /// <summary>Starts <paramref name="fileName"/> with <paramref name="arguments"/> and <paramref name="environment"/> added to ours.</summary>
    public static ChildProcess Start(string name, string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?> environment, string logPath, bool keepStdinOpen = false)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(environment);
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

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(logPath))!);
        var child = new ChildProcess(name, process, logPath);
        process.OutputDataReceived += (_, e) => child.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => child.OnLine(e.Data);
        process.Exited += (_, _) => child._exited.TrySetResult();
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start {name} ({fileName}).");
        }

        Live[process.Id] = child;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!keepStdinOpen)
        {
            process.StandardInput.Close();
        }

        return child;
    }

    /// <summary>Kills every child still running (from the exit handlers; synchronous and quick).</summary>
    public static void KillAll()
    {
        foreach (var child in Live.Values)
        {
            child.Kill();
        }
    }

    /// <summary>Waits for an output line that <paramref name="match"/> accepts (lines already seen do not count).</summary>
    /// <exception cref="InvalidOperationException">The process exited first.</exception>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _watchers.Add((match, found));
        }

        var first = await Task.WhenAny(found.Task, _exited.Task).WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        if (first != found.Task && !found.Task.IsCompleted)
        {
            throw new InvalidOperationException($"{Name} exited (code {_process.ExitCode}) before it was ready; see {LogPath}.");
        }

        return await found.Task.ConfigureAwait(false);
    }

    /// <summary>Closes its standard input (holders take that as the sign to let go and exit).</summary>
    public void CloseInput()
    {
        try
        {
            _process.StandardInput.Close();
        }
        catch (InvalidOperationException)
        {
        }
    }

    /// <summary>Waits up to <paramref name="timeout"/> for it to exit; true when it did.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        var first = await Task.WhenAny(_exited.Task, Task.Delay(timeout)).ConfigureAwait(false);
        return first == _exited.Task;
    }

    /// <summary>Asks it to stop (SIGTERM), waits up to <paramref name="grace"/>, then kills it.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (!HasExited)
        {
            _ = Signal(_process.Id, SigTerm);
            if (!await WaitForExitAsync(grace).ConfigureAwait(false))
            {
                Kill();
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await StopAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        await WaitForExitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        Live.TryRemove(_process.Id, out _);
        lock (_gate)
        {
            _log.Dispose();
        }

        _process.Dispose();
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
        }
        catch (System.ComponentModel.Win32Exception)
        {
        }
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            if (_disposed == 0)
            {
                _log.WriteLine(line);
            }

            for (var i = _watchers.Count - 1; i >= 0; i--)
            {
                if (_watchers[i].Match(line))
                {
                    _watchers[i].Found.TrySetResult(line);
                    _watchers.RemoveAt(i);
                }
            }
        }
    }

    private const int SigTerm = 15;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Signal(int pid, int signal);
}
