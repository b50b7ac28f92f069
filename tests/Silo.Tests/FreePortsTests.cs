using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Rides.TestInfrastructure;

namespace Rides.Silo.Tests;

/// <summary>
/// The ports tests start servers on: free, distinct, and outside the kernel's ephemeral range, where an outgoing
/// connection of another test could take a port between the choice and the bind.
/// </summary>
public sealed class FreePortsTests
{
    [Fact]
    public void Ports_handed_out_are_distinct_bindable_and_outside_the_ephemeral_range()
    {
        var ports = Enumerable.Range(0, 50).Select(_ => FreePorts.Next()).ToList();

        Assert.Equal(ports.Count, ports.Distinct().Count());
        const string rangeFile = "/proc/sys/net/ipv4/ip_local_port_range";
        Assert.True(File.Exists(rangeFile), $"{rangeFile} is missing: these tests run on Linux.");
        var range = File.ReadAllText(rangeFile).Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries)
            .Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        Assert.All(ports, port => Assert.False(
            port >= range[0] && port <= range[1], $"port {port} is inside the ephemeral range {range[0]}-{range[1]}"));

        foreach (var port in ports.Take(5))
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
        }
    }
}
