using System.Globalization;

namespace Rides.LoadGen.Measurement;

/// <summary>The machine's load average (<c>/proc/loadavg</c>), recorded with every run: the box is shared.</summary>
public static class MachineLoad
{
    /// <summary>e.g. <c>1.52 1.10 0.80</c> (1, 5 and 15 minutes); empty where there is no <c>/proc</c>.</summary>
    public static string Now()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    /// <summary>The 1-minute load average, NaN when unknown.</summary>
    public static double OneMinute() =>
        double.TryParse(Now().Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : double.NaN;
}
