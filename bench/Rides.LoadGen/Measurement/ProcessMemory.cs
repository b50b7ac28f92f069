using System.Globalization;

namespace Rides.LoadGen.Measurement;

/// <summary>What a process holds, read from <c>/proc</c>: resident memory and open file descriptors.</summary>
/// <param name="RssBytes">VmRSS.</param>
/// <param name="OpenFiles">Entries of <c>/proc/PID/fd</c> (sockets included).</param>
public readonly record struct ProcessMemory(long RssBytes, int OpenFiles)
{
    /// <summary>The resident memory in MiB.</summary>
    public double RssMiB => RssBytes / 1024d / 1024d;

    /// <summary>Reads process <paramref name="pid"/>; zeros when it is gone.</summary>
    public static ProcessMemory Of(int pid)
    {
        try
        {
            var rss = File.ReadLines($"/proc/{pid}/status")
                .Where(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
                .Select(l => long.Parse(l["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024)
                .FirstOrDefault();
            var files = Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd").Count();
            return new ProcessMemory(rss, files);
        }
        catch (IOException)
        {
            return default;
        }
        catch (UnauthorizedAccessException)
        {
            return default;
        }
    }

    /// <summary>The sum over <paramref name="pids"/>.</summary>
    public static ProcessMemory Sum(IEnumerable<int> pids)
    {
        ArgumentNullException.ThrowIfNull(pids);
        var all = pids.Select(Of).ToArray();
        return new ProcessMemory(all.Sum(m => m.RssBytes), all.Sum(m => m.OpenFiles));
    }
}
