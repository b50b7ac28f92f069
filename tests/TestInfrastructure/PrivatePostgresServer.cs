using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Rides.TestInfrastructure;

/// <summary>
/// A throw-away PostgreSQL server in a temp directory, owned by this test process: initdb +
/// pg_ctl (as user <c>postgres</c> when running as root, since the server refuses root), on a
/// free port. It is stopped and deleted at process exit; a detached watchdog does the same if
/// the process is killed, and the next start removes directories left by dead processes.
/// </summary>
internal sealed class PrivatePostgresServer
{
    private const string DirectoryPrefix = "rides-pg-";
    private const string OwnerFile = "owner.pid";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(90);

    private readonly string _binDir;
    private readonly string _root;
    private readonly bool _asPostgresUser;
    private int _stopped;

    private PrivatePostgresServer(string binDir, string root, bool asPostgresUser, int port)
    {
        _binDir = binDir;
        _root = root;
        _asPostgresUser = asPostgresUser;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString =>
        $"Host=127.0.0.1;Port={Port.ToString(CultureInfo.InvariantCulture)};Username=rides;Database=postgres";

    private string DataDir => Path.Combine(_root, "data");

    public static PrivatePostgresServer Start()
    {
        var binDir = FindBinDir() ?? throw new InvalidOperationException(
            "PostgreSQL server programs (initdb, pg_ctl) were not found: neither `pg_config --bindir` nor /usr/lib/postgresql/*/bin has them. " +
            "Install them (Debian/Ubuntu: `apt-get install -y postgresql`), or set RIDES_TEST_PG to the connection string of a PostgreSQL server " +
            "where the user may create schemas (e.g. \"Host=localhost;Username=postgres;Password=...;Database=postgres\").");
        var asPostgresUser = IsRoot();
        ReapOrphans(binDir, asPostgresUser);

        var root = Directory.CreateTempSubdirectory(DirectoryPrefix).FullName;
        File.WriteAllText(Path.Combine(root, OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        try
        {
            if (asPostgresUser)
            {
                ProcessRunner.RunChecked("chown", ["postgres:postgres", root], CommandTimeout);
            }

            var server = new PrivatePostgresServer(binDir, root, asPostgresUser, 0);
            server.Pg("initdb", "-D", server.DataDir, "-A", "trust", "-U", "rides", "-E", "UTF8", "--locale=C", "--no-sync");
            server.StartWatchdog();

            Exception? last = null;
            for (var attempt = 0; attempt < 3; attempt++)
            {
                var port = FreePorts.Next();
                var started = new PrivatePostgresServer(binDir, root, asPostgresUser, port);
                try
                {
                    started.Pg(
                        "pg_ctl", "-D", started.DataDir, "-l", Path.Combine(root, "server.log"), "-w", "-t", "60",
                        "-o", $"-p {port.ToString(CultureInfo.InvariantCulture)} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 -c shared_buffers=64MB",
                        "start");
                    AppDomain.CurrentDomain.ProcessExit += (_, _) => started.Stop();
                    return started;
                }
                catch (InvalidOperationException ex)
                {
                    // Most likely another process took the port between probe and start.
                    last = ex;
                }
            }

            throw new InvalidOperationException($"The private PostgreSQL server did not start. Log: {ReadLog(root)}", last);
        }
        catch
        {
            TryDelete(root);
            throw;
        }
    }

    /// <summary>
    /// Stops the server at once. Runs from ProcessExit, where the test host may be killed
    /// within moments, so it signals the postmaster directly (SIGQUIT is pg_ctl's
    /// "immediate" mode) instead of starting pg_ctl; the watchdog finishes the job if need be.
    /// </summary>
    public void Stop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        var pidFile = Path.Combine(DataDir, "postmaster.pid");
        try
        {
            if (File.Exists(pidFile)
                && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var postmaster))
            {
                _ = Kill(postmaster, SigQuit);
            }
        }
        catch (IOException)
        {
            // The server is already gone.
        }

        TryDelete(_root);
    }

    private void Pg(string program, params string[] arguments) =>
        ProcessRunner.RunChecked(PgCommand(program, out var args, arguments), args, CommandTimeout);

    private string PgCommand(string program, out string[] args, params string[] arguments) =>
        PgCommand(_binDir, _asPostgresUser, program, out args, arguments);

    private static string PgCommand(string binDir, bool asPostgresUser, string program, out string[] args, params string[] arguments)
    {
        var path = Path.Combine(binDir, program);
        if (asPostgresUser)
        {
            args = ["-u", "postgres", "--", path, .. arguments];
            return "runuser";
        }

        args = arguments;
        return path;
    }

    /// <summary>
    /// A detached process (its own session, so killing this process tree does not reach it)
    /// that waits for this process to end, then stops the server and deletes its directory.
    /// </summary>
    private void StartWatchdog()
    {
        var stop = PgCommand("pg_ctl", out var stopArgs, "-D", DataDir, "-m", "immediate", "-w", "stop");
        var stopLine = string.Join(' ', new[] { stop }.Concat(stopArgs).Select(Quote));
        var script = $"exec >/dev/null 2>&1 </dev/null; tail --pid={Environment.ProcessId.ToString(CultureInfo.InvariantCulture)} -f /dev/null; {stopLine}; rm -rf {Quote(_root)}";
        if (!ProcessRunner.TryRun("setsid", ["-f", "sh", "-c", script], CommandTimeout, out var output))
        {
            // Without setsid the exit handler and the next run's reaper still clean up.
            Trace.WriteLine($"Rides test PostgreSQL: no watchdog ({output}).");
        }
    }

    private static void ReapOrphans(string binDir, bool asPostgresUser)
    {
        foreach (var dir in Directory.EnumerateDirectories(Path.GetTempPath(), DirectoryPrefix + "*"))
        {
            var ownerFile = Path.Combine(dir, OwnerFile);
            if (!File.Exists(ownerFile)
                || !int.TryParse(File.ReadAllText(ownerFile), NumberStyles.None, CultureInfo.InvariantCulture, out var owner)
                || IsAlive(owner))
            {
                continue;
            }

            var dataDir = Path.Combine(dir, "data");
            if (Directory.Exists(dataDir))
            {
                ProcessRunner.TryRun(PgCommand(binDir, asPostgresUser, "pg_ctl", out var args, "-D", dataDir, "-m", "immediate", "-w", "stop"), args, CommandTimeout, out _);
            }

            TryDelete(dir);
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static string? FindBinDir()
    {
        var fromEnv = Environment.GetEnvironmentVariable("RIDES_PG_BINDIR");
        if (!string.IsNullOrEmpty(fromEnv) && File.Exists(Path.Combine(fromEnv, "initdb")))
        {
            return fromEnv;
        }

        if (ProcessRunner.TryRun("pg_config", ["--bindir"], TimeSpan.FromSeconds(30), out var output))
        {
            var dir = output.Trim();
            if (File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")))
            {
                return dir;
            }
        }

        // Debian keeps the server programs off PATH, one folder per major version.
        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            return Directory.EnumerateDirectories(debianRoot)
                .Select(d => (Dir: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0))
                .Where(d => File.Exists(Path.Combine(d.Dir, "initdb")))
                .OrderByDescending(d => d.Version)
                .Select(d => d.Dir)
                .FirstOrDefault();
        }

        return null;
    }

    // On Unix, Environment.UserName is the name of the effective user id.
    private static bool IsRoot() => !OperatingSystem.IsWindows() && Environment.UserName == "root";

    private const int SigQuit = 3;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    private static string ReadLog(string root)
    {
        var log = Path.Combine(root, "server.log");
        return File.Exists(log) ? File.ReadAllText(log) : "(no log)";
    }

    private static void TryDelete(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
            // Best effort; the next run's reaper retries.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
