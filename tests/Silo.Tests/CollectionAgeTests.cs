using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Metadata;

namespace Rides.Silo.Tests;

/// <summary>
/// Grains that nobody calls once their work is done leave memory after their idle time: what Orleans itself resolves
/// for each grain type in the host (its grain properties), not the attributes as written.
/// </summary>
public sealed class CollectionAgeTests
{
    [Theory]
    [InlineData("topic", 2)]
    [InlineData("geocell", 2)]
    public async Task Topics_and_geo_cells_nobody_calls_leave_after_two_idle_minutes(string grainType, double minutes)
    {
        await using var host = await SiloHost.StartAsync();
        var resolver = host.App.Services.GetRequiredService<GrainPropertiesResolver>();
        var properties = resolver.GetGrainProperties(GrainType.Create(grainType)).Properties;
        Assert.True(
            properties.TryGetValue(WellKnownGrainTypeProperties.IdleDeactivationPeriod, out var value),
            $"grain type {grainType} has no idle deactivation period: it keeps Orleans' default (15 minutes)");
        Assert.Equal(TimeSpan.FromMinutes(minutes), TimeSpan.Parse(value, CultureInfo.InvariantCulture));
    }
}
