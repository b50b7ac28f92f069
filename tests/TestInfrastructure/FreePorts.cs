using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Rides.TestInfrastructure;

/// <summary>
/// Loopback TCP ports nobody listens on now, for the servers tests and the load suite start (silos, gateways,
/// Kestrel, PostgreSQL). The ports come from outside the kernel's ephemeral range: a port inside it that is free
/// when chosen can become the local end of some other test's outgoing connection before the server binds it,
/// and the server then fails with "address already in use". Outside that range only listeners take ports, and
/// the check below sees listeners.
/// </summary>
public static class FreePorts
{
    private const string EphemeralRangeFile = "/proc/sys/net/ipv4/ip_local_port_range";

    private static readonly Lock Gate = new();
    private static readonly HashSet<int> Handed = [];
    private static readonly (int Low, int High) Range = ChooseRange(ReadEphemeralRange());

    /// <summary>A port that was free a moment ago and that this process has not handed out before.</summary>
    public static int Next()
    {
        lock (Gate)
        {
            for (var attempt = 0; attempt < 1000; attempt++)
            {
                var port = Random.Shared.Next(Range.Low, Range.High + 1);
                if (!Handed.Contains(port) && CanBind(port))
                {
                    Handed.Add(port);
                    return port;
                }
            }

            throw new InvalidOperationException(
                $"No free loopback port found in {Range.Low}-{Range.High} after 1,000 tries; is something holding most of them?");
        }
    }

    /// <summary>The ports to choose from, given the ephemeral range (null where the system does not say).</summary>
    internal static (int Low, int High) ChooseRange((int Low, int High)? ephemeral)
    {
        const int floor = 10_000;
        const int enough = 4_000;
        if (ephemeral is not { } range)
        {
            // Windows and macOS hand out 49152-65535 by default.
            return (floor, 32_767);
        }

        if (range.Low - 1 - floor >= enough)
        {
            return (floor, range.Low - 1);
        }

        if (65_535 - (range.High + 1) >= enough)
        {
            return (range.High + 1, 65_535);
        }

        // The ephemeral range covers nearly everything: choose from all of it and accept the small race.
        return (1_024, 65_535);
    }

    private static (int Low, int High)? ReadEphemeralRange()
    {
        try
        {
            var parts = File.ReadAllText(EphemeralRangeFile).Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
            return parts.Length == 2
                ? (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture))
                : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool CanBind(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
