using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Rides.Grains;
using Rides.Grains.Dispatch;
using Rides.Grains.Rides;
using Rides.Silo.Hosting;

namespace Rides.Silo.Tests;

/// <summary>
/// A silo caches the address of every grain it looks up, up to Orleans' million by default; the host bounds the
/// cache (<see cref="DirectoryDefaults"/>), so the addresses of grains long gone do not pile up ride after ride.
/// </summary>
public sealed class DirectoryTests
{
    private const string CacheSize = "orleans-directory-cache-size";

    [Fact]
    public async Task The_host_caches_at_most_a_hundred_thousand_grain_addresses_unless_configured()
    {
        await using var host = await SiloHost.StartAsync();
        Assert.Equal(DirectoryDefaults.CacheSize, host.App.Services.GetRequiredService<IOptions<GrainDirectoryOptions>>().Value.CacheSize);
        Assert.Equal(100_000, DirectoryDefaults.CacheSize);
    }

    [Fact]
    public async Task More_grains_than_the_cache_holds_leave_it_at_its_bound()
    {
        const int bound = 100;
        await using var host = await SiloHost.StartAsync($"--{DirectoryDefaults.SectionName}:CacheSize={bound}");
        using var gauge = new OrleansGauge(host.App.Services.GetRequiredService<IMeterFactory>(), CacheSize);
        var grains = host.App.Services.GetRequiredService<IGrainFactory>();
        var search = new DriverSearch(new GeoPoint(52.52, 13.40), 1000, VehicleType.Standard, DateTimeOffset.UnixEpoch, DateTimeOffset.UtcNow, [], 5);
        for (var i = 0; i < 4 * bound; i++)
        {
            Assert.Empty(await grains.GetGrain<IGeoCellGrain>($"directory-test-{i}").FindNearest(search));
        }

        var cached = gauge.Read();
        Assert.True(cached <= bound, $"{4 * bound} grains activated: the cache holds {cached} addresses, more than its bound of {bound}");
    }
}
